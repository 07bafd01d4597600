import type { FastifyInstance } from 'fastify';
import type { TEnvelopeView } from '@signet/shared';
import type { SignetConfig } from '@signet/shared/node';
import { loadConfig } from '@signet/shared/node';
import { buildApp } from '../app';
import type { TestDatabase } from '../db/test-database';
import { openTestDatabase } from '../db/test-database';
import { runMigrations } from '../db/run-migrations';
import type { ApiMail } from '../mail/mailer';
import { overrideRecipientAuthMailer } from './recipient-auth-deps';
import { makeEnvelopeView } from '../test-support/envelope-view';
import { createFakeLibrary } from '../test-support/fake-library';
import type { FakeCall, FakeTemporal } from '../test-support/fake-temporal';
import { createFakeTemporal } from '../test-support/fake-temporal';
import { API_TOKEN, LINK_SECRET } from '../test-support/test-app';

// Test support: the real app over a fake Temporal client, a migrated database, a movable clock and a mail
// recorder, with recipient r-alice requiring `authentication`.

export type RecipientAuthTestApp = {
  app: FastifyInstance;
  temporal: FakeTemporal;
  database: TestDatabase;
  mails: ApiMail[];
  logs: string[];
  clock: { now: number };
  view: TEnvelopeView;
  config: SignetConfig;
};

export const START = Date.parse('2030-01-01T00:00:00.000Z');

/** r-alice of makeEnvelopeView with the sender's requirement, as the workflow's status view carries it. */
export function viewRequiring(authentication: string, extra: Record<string, unknown> = {}): TEnvelopeView {
  const view = makeEnvelopeView();
  Object.assign(view.recipients[0]!, { authentication, locale: 'fi', ...extra });
  return view;
}

/** A fresh database with the API's tables. */
export async function openMigratedDatabase(): Promise<TestDatabase> {
  const database = await openTestDatabase();
  await runMigrations(database.db);
  return database;
}

/** Empties the recipient-authentication tables between tests sharing one database. */
export async function clearRecipientAuthTables(database: TestDatabase): Promise<void> {
  await database.db.execute(
    'DELETE FROM recipient_otps; DELETE FROM recipient_sessions; DELETE FROM recipient_oidc_logins;',
  );
}

export async function createRecipientAuthTestApp(
  view: TEnvelopeView,
  options: {
    env?: Record<string, string>;
    update?: (call: FakeCall) => Promise<unknown>;
    database?: TestDatabase;
  } = {},
): Promise<RecipientAuthTestApp> {
  const database = options.database ?? (await openMigratedDatabase());
  const config = loadConfig({
    SIGNET_API_TOKEN: API_TOKEN,
    SIGNET_LINK_SECRET: LINK_SECRET,
    SIGNET_DATA_DIR: '/tmp/signet-unit',
    SIGNET_PUBLIC_URL: 'https://sign.example.test',
    ...options.env,
  });
  const temporal = createFakeTemporal({
    query: () => Promise.resolve(view),
    update: options.update ?? (() => Promise.resolve(view)),
  });
  const mails: ApiMail[] = [];
  const logs: string[] = [];
  const clock = { now: START };
  const record = (message: string, fields?: Record<string, unknown>) =>
    logs.push(`${message} ${JSON.stringify(fields ?? {})}`);
  const app = buildApp({
    client: temporal.client,
    namespace: 'default',
    library: createFakeLibrary({}),
    config,
    database: database.db,
    clock: () => clock.now,
    logger: { info: record, warn: record, error: record },
  });
  overrideRecipientAuthMailer(config, {
    send: async (mail) => {
      mails.push(mail);
      return Promise.resolve();
    },
  });
  return { app, temporal, database, mails, logs, clock, view, config };
}
