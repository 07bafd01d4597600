import type { FastifyInstance } from 'fastify';
import { loadConfig } from '@signet/shared/node';
import { createApiKey } from '../api-keys/create-api-key';
import { buildApp } from '../app';
import { runMigrations } from '../db/run-migrations';
import type { TestDatabase } from '../db/test-database';
import { openTestDatabase } from '../db/test-database';
import type { FakeLibrary } from '../test-support/fake-library';
import { createFakeLibrary } from '../test-support/fake-library';
import type { FakeTemporal } from '../test-support/fake-temporal';
import { createFakeTemporal } from '../test-support/fake-temporal';
import { makePdf } from '../test-support/pdf-fixtures';

// Test support for templates and bulk sends: the real app over a migrated test database (PGlite, or
// SIGNET_TEST_DATABASE_URL's PostgreSQL), a fake Temporal client and an in-memory library with two PDFs.

export const OPERATOR = 'test-operator-token-0123456789abcdef012345';
export const INTERNAL = 'test-internal-token-0123456789abcdef012345';
export const NOW = Date.parse('2030-01-01T00:00:00.000Z');

export type TemplateTestApp = {
  app: FastifyInstance;
  temporal: FakeTemporal;
  library: FakeLibrary;
  database: TestDatabase;
  /** Bearer headers of a sender key owned by `owner`, or of an admin key. */
  senderKey: (owner: string) => Promise<Record<string, string>>;
  adminKey: () => Promise<Record<string, string>>;
  operator: Record<string, string>;
  internal: Record<string, string>;
  close: () => Promise<void>;
};

export async function createTemplateTestApp(env: Record<string, string> = {}): Promise<TemplateTestApp> {
  const database = await openTestDatabase();
  await runMigrations(database.db);
  const temporal = createFakeTemporal();
  const library = createFakeLibrary({ 'contracts/nda.pdf': await makePdf(), 'contracts/terms.pdf': await makePdf(2) });
  let counter = 0;
  const newId = (): string => `test-id-${String(++counter).padStart(8, '0')}`;
  const app = buildApp({
    client: temporal.client,
    namespace: 'default',
    library,
    config: loadConfig({
      SIGNET_API_TOKEN: OPERATOR,
      SIGNET_INTERNAL_TOKEN: INTERNAL,
      SIGNET_LINK_SECRET: 'test-link-secret-0123456789abcdef012345678',
      SIGNET_DATA_DIR: '/tmp/signet-unit',
      ...env,
    }),
    clock: () => NOW,
    idGenerator: newId,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    database: database.db,
  });
  const mint = async (owner: string, role: 'sender' | 'admin'): Promise<Record<string, string>> => {
    const key = await createApiKey({ db: database.db, now: () => NOW, newId }, { owner, role, name: 'test' });
    return { authorization: `Bearer ${key.token}` };
  };
  return {
    app,
    temporal,
    library,
    database,
    senderKey: async (owner) => mint(owner, 'sender'),
    adminKey: async () => mint('admin@example.com', 'admin'),
    operator: { authorization: `Bearer ${OPERATOR}` },
    internal: { authorization: `Bearer ${INTERNAL}` },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
