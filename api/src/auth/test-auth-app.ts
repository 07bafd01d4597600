import type { FastifyInstance } from 'fastify';
import { loadConfig } from '@signet/shared/node';
import type { CreatedApiKey } from '../api-keys/create-api-key';
import { createApiKey } from '../api-keys/create-api-key';
import type { TCreateApiKeyRequest } from '../api-keys/api-key-schemas';
import { buildApp } from '../app';
import type { ApiDeps } from '../context';
import { runMigrations } from '../db/run-migrations';
import type { TestDatabase } from '../db/test-database';
import { openTestDatabase } from '../db/test-database';
import type { FakeTemporal } from '../test-support/fake-temporal';
import { createFakeTemporal, notFound } from '../test-support/fake-temporal';
import { makeEnvelopeView } from '../test-support/envelope-view';
import type { FakeLibrary } from '../test-support/fake-library';
import { createFakeLibrary } from '../test-support/fake-library';

// Test support: the real app over a fake Temporal client, an in-memory library and a migrated test
// database (PGlite, or SIGNET_TEST_DATABASE_URL's PostgreSQL).

export const OPERATOR_TOKEN = 'test-operator-token-0123456789abcdef012345';
export const NOW = Date.parse('2030-01-01T00:00:00.000Z');

export type AuthTestApp = {
  app: FastifyInstance;
  temporal: FakeTemporal;
  library: FakeLibrary;
  database: TestDatabase;
  /** Mints a key directly in the store (as an admin would through the API). */
  mintKey: (request: Partial<TCreateApiKeyRequest> & { owner: string }) => Promise<CreatedApiKey>;
  close: () => Promise<void>;
};

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

export type AuthTestAppOptions = {
  /** Further environment variables for loadConfig (e.g. SIGNET_OIDC_*). */
  env?: Record<string, string>;
  /** The key set bearer JWTs are checked against (see test-jwt.ts). */
  oidcKeys?: ApiDeps['oidcKeys'];
  /** The in-memory library; empty by default. */
  library?: FakeLibrary;
};

export async function createAuthTestApp(options: AuthTestAppOptions = {}): Promise<AuthTestApp> {
  const database = await openTestDatabase();
  await runMigrations(database.db);
  const temporal = createFakeTemporal();
  const library = options.library ?? createFakeLibrary();
  let counter = 0;
  const newId = () => `test-id-${String(++counter).padStart(8, '0')}`;
  const app = buildApp({
    client: temporal.client,
    namespace: 'default',
    library,
    config: loadConfig({
      SIGNET_API_TOKEN: OPERATOR_TOKEN,
      SIGNET_LINK_SECRET: 'test-link-secret-0123456789abcdef012345678',
      SIGNET_DATA_DIR: '/tmp/signet-unit',
      ...options.env,
    }),
    clock: () => NOW,
    idGenerator: newId,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    database: database.db,
    ...(options.oidcKeys ? { oidcKeys: options.oidcKeys } : {}),
  });
  return {
    app,
    temporal,
    library,
    database,
    mintKey: async (request) =>
      createApiKey({ db: database.db, now: () => NOW, newId }, { role: 'sender', name: 'test key', ...request }),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/**
 * Makes the fake Temporal answer status queries for the envelopes in `owners` (workflow id → sender e-mail) and
 * NOT_FOUND for any other, and accept every Update: what the ownership checks of the auth hook read.
 */
export function serveOwnedEnvelopes(t: AuthTestApp, owners: Record<string, string>): void {
  t.temporal.behaviour.query = (workflowId) => {
    const email = owners[workflowId];
    if (!email) return Promise.reject(notFound(workflowId));
    const envelopeId = workflowId.replace('envelope-', '');
    return Promise.resolve(makeEnvelopeView({ envelopeId, sender: { id: 'u', email, name: 'S' } }));
  };
  t.temporal.behaviour.update = (call) => Promise.resolve(makeEnvelopeView({ envelopeId: call.workflowId }));
}
