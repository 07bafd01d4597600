import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { FastifyInstance } from 'fastify';
import { buildApp, openMigratedDatabase } from '@signet/api';
import type { Database } from '@signet/api';
import type { SignetConfig } from '@signet/shared/node';
import { createLocalLibrary } from '@signet/shared/node';
import { runWorker } from '@signet/worker';
import type { RunningWorker } from '@signet/worker';
import { startDevServer } from './dev-server';
import type { MailServer } from './mail-server';
import { startMailServer } from './mail-server';
import { freePorts } from './ports';
import type { SealingPki } from './sealing-pki';
import { startSealingPki } from './sealing-pki';
import type { LocalOidc } from './local-oidc';
import { planRecipientIdentityProviders } from './local-oidc';
import { stackConfig } from './stack-config';

/** The real stack, in one test process: Temporal dev server, MailDev, the worker and the API. */
export type Stack = {
  env: TestWorkflowEnvironment;
  mail: MailServer;
  worker: RunningWorker;
  app: FastifyInstance;
  config: SignetConfig;
  /** The API's database (embedded PGlite in the stack's data folder, migrated). */
  database: Database;
  apiUrl: string;
  libraryRoot: string;
  /** The local PKI the worker seals with (B-LT unless SIGNET_SEAL_LEVEL is overridden); its services keep running. */
  sealing: SealingPki;
  /**
   * With `recipientIdentityProviders`: the local issuer acting as Microsoft sign-in and the strong-authentication
   * broker for recipients (its `signIn` fills its login form); the API is configured for both.
   */
  recipientIdentityProviders?: LocalOidc;
  /** fetch against the API with the sender's bearer token. */
  api(pathname: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
};

/**
 * `devServerArgs` go to the dev server (a benchmark passes `--output none` to keep stdout for its JSON).
 * `apiPort` fixes the API's port, for callers that must name its URL beforehand (an OpenID Connect client's
 * redirect URI registered with the local issuer for the sender web UI).
 */
export async function startStack(
  overrides: Record<string, string> = {},
  options: { devServerArgs?: string[]; apiPort?: number; recipientIdentityProviders?: boolean } = {},
): Promise<Stack> {
  const env = await startDevServer(options.devServerArgs);
  const mail = await startMailServer();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'signet-stack-'));
  const [freeApiPort, pkiPort] = (await freePorts(2)) as [number, number];
  const apiPort = options.apiPort ?? freeApiPort;
  const sealing = await startSealingPki(path.join(dataDir, 'pki'), pkiPort);
  const identityProviders = options.recipientIdentityProviders ? await planRecipientIdentityProviders() : undefined;
  const config = stackConfig({
    dataDir,
    temporalAddress: env.address,
    smtpPort: mail.smtpPort,
    apiPort,
    overrides: { ...sealing.env, ...identityProviders?.env, ...overrides },
  });
  const worker = await runWorker(config, { connection: env.nativeConnection });
  const database = await openMigratedDatabase(config);
  const app = buildApp({
    client: env.client,
    namespace: env.namespace ?? 'default',
    library: createLocalLibrary(config.library),
    config,
    database,
  });
  await app.listen({ host: '127.0.0.1', port: apiPort });
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const recipientIdentityProviders = await identityProviders?.start(apiUrl);
  return {
    env,
    mail,
    worker,
    app,
    config,
    database,
    apiUrl,
    libraryRoot: config.library.root,
    sealing,
    ...(recipientIdentityProviders ? { recipientIdentityProviders } : {}),
    api: (pathname, init = {}) =>
      fetch(`${apiUrl}${pathname}`, {
        ...init,
        headers: { authorization: `Bearer ${config.api.token}`, ...(init.headers ?? {}) },
      }),
    stop: async () => {
      await app.close();
      await worker.shutdown();
      await database.close();
      await mail.stop();
      await sealing.stop();
      await recipientIdentityProviders?.stop();
      await env.teardown();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
