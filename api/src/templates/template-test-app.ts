import type { FastifyInstance } from 'fastify';
import { bearer, createAuthTestApp, OPERATOR_TOKEN as OPERATOR } from '../auth/test-auth-app';
import type { TestDatabase } from '../db/test-database';
import type { FakeLibrary } from '../test-support/fake-library';
import { createFakeLibrary } from '../test-support/fake-library';
import type { FakeTemporal } from '../test-support/fake-temporal';
import { makePdf } from '../test-support/pdf-fixtures';

// Test support for templates and bulk sends: the auth test app (the real app over a migrated test database,
// PGlite or SIGNET_TEST_DATABASE_URL's PostgreSQL, and a fake Temporal client) with an internal token and an
// in-memory library holding two PDFs.

export { NOW, OPERATOR_TOKEN as OPERATOR } from '../auth/test-auth-app';
export const INTERNAL = 'test-internal-token-0123456789abcdef012345';

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
  const library = createFakeLibrary({ 'contracts/nda.pdf': await makePdf(), 'contracts/terms.pdf': await makePdf(2) });
  const t = await createAuthTestApp({ env: { SIGNET_INTERNAL_TOKEN: INTERNAL, ...env }, library });
  const mint = async (owner: string, role: 'sender' | 'admin'): Promise<Record<string, string>> =>
    bearer((await t.mintKey({ owner, role, name: 'test' })).token);
  return {
    app: t.app,
    temporal: t.temporal,
    library,
    database: t.database,
    senderKey: async (owner) => mint(owner, 'sender'),
    adminKey: async () => mint('admin@example.com', 'admin'),
    operator: bearer(OPERATOR),
    internal: bearer(INTERNAL),
    close: t.close,
  };
}
