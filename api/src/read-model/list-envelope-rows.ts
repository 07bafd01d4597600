import type { TEnvelopeList, TEnvelopeSummary, TListEnvelopesQuery } from '@signet/shared';
import type { Queryable } from '../db/database';
import type { ListCursor } from './envelope-list-query';
import { buildEnvelopeListSql, openListCursor, signListCursor, sortColumnOf } from './envelope-list-query';

type ReadModelRow = {
  envelope_id: string;
  sender_email: string;
  sender_name: string;
  subject: string;
  status: TEnvelopeSummary['status'];
  created_at: Date;
  updated_at: Date;
  ended_at: Date | null;
  expires_at: Date;
  next_reminder_at: Date | null;
  acted_count: number;
  required_count: number;
  recipients: TEnvelopeSummary['recipients'];
  document_names: string[];
  signed_copy: boolean;
  needs_attention: boolean;
};

function toSummary(row: ReadModelRow): TEnvelopeSummary {
  return {
    envelopeId: row.envelope_id,
    status: row.status,
    subject: row.subject,
    sender: { email: row.sender_email, name: row.sender_name },
    startedAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    ...(row.ended_at ? { endedAt: row.ended_at.toISOString() } : {}),
    expiresAt: row.expires_at.toISOString(),
    ...(row.next_reminder_at ? { nextReminderAt: row.next_reminder_at.toISOString() } : {}),
    progress: { done: row.acted_count, required: row.required_count },
    recipients: row.recipients ?? [],
    documentNames: row.document_names,
    signedCopy: row.signed_copy,
    needsAttention: row.needs_attention,
  };
}

/**
 * One page of the envelope list from the read model, in the query's order, with keyset paging: the next
 * page starts after the last row's (sort value, id), so rows inserted meanwhile never shift a page.
 */
export async function listEnvelopeRows(
  db: Queryable,
  query: TListEnvelopesQuery,
  options: { now: number; secret: string },
): Promise<TEnvelopeList> {
  const cursor = query.nextPageToken ? openListCursor(options.secret, query.nextPageToken, query.sort) : undefined;
  const { sql, params } = buildEnvelopeListSql(query, options.now, cursor);
  const rows = await db.query<ReadModelRow>(sql, params);
  const page = rows.slice(0, query.pageSize);
  const last = page[page.length - 1];
  if (rows.length <= query.pageSize || !last) return { items: page.map(toSummary) };
  const column = sortColumnOf(query.sort) as 'updated_at' | 'created_at' | 'expires_at';
  const next: ListCursor = { sort: query.sort, value: last[column].toISOString(), id: last.envelope_id };
  return { items: page.map(toSummary), nextPageToken: signListCursor(options.secret, next) };
}
