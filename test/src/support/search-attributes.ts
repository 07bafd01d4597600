import type { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { SEARCH_ATTRIBUTES } from '@signet/shared';

const INDEXED = temporal.api.enums.v1.IndexedValueType;
const TYPE = {
  Keyword: INDEXED.INDEXED_VALUE_TYPE_KEYWORD,
  Datetime: INDEXED.INDEXED_VALUE_TYPE_DATETIME,
  Int: INDEXED.INDEXED_VALUE_TYPE_INT,
};

/** Registers Signet's search attributes on a server that was not started with them (the time-skipping server). */
export async function registerSearchAttributes(connection: Connection, namespace = 'default'): Promise<void> {
  const searchAttributes = Object.fromEntries(
    Object.entries(SEARCH_ATTRIBUTES).map(([name, type]) => [name, TYPE[type]]),
  );
  await connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
}
