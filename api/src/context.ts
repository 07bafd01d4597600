import type { Client } from '@temporalio/client';
import type { DocumentLibrary, Logger, SignetConfig } from '@signet/shared/node';
import { createLogger, randomId, requireSecret } from '@signet/shared/node';
import type { JwtAuthenticator } from './auth/entra-jwt';
import { createJwtAuthenticator } from './auth/entra-jwt';
import { createIssuerKeys } from './auth/issuer-keys';
import type { JWTVerifyGetKey } from './auth/jose';
import type { Database } from './db/database';

/** What `buildApp` needs. Built in main.ts; tests pass fakes. */
export type ApiDeps = {
  client: Client;
  /** Temporal namespace, for visibility (list) calls. */
  namespace: string;
  library: DocumentLibrary;
  config: SignetConfig;
  /** Current time, as a Date or epoch milliseconds; defaults to the system clock. */
  clock?: () => Date | number;
  /** Mints envelope, recipient and document ids and recipient keys; defaults to 128-bit `randomId()`. */
  idGenerator?: () => string;
  /** Defaults to a JSON-lines logger on stderr. */
  logger?: Logger;
  /** PEM roots `POST /verify` checks trust against when the caller sends none (main.ts reads SIGNET_TRUSTED_ROOTS_FILE). */
  trustedRoots?: string[];
  /**
   * The API's database, migrated (main.ts opens it from config). Without one, API keys are unavailable:
   * only the operator token authenticates and `/api/v1/api-keys` answers DATABASE_UNAVAILABLE.
   */
  database?: Database;
  /**
   * The keys bearer JWTs are checked against when `config.oidc` is set; defaults to the issuer's JWKS
   * (SIGNET_OIDC_JWKS_URL or discovery). Unit tests pass a local key set.
   */
  oidcKeys?: JWTVerifyGetKey;
};

/** Everything a use case may touch, with secrets checked once and defaults applied. */
export type ApiContext = {
  client: Client;
  namespace: string;
  library: DocumentLibrary;
  config: SignetConfig;
  linkSecret: string;
  apiToken: string;
  /** Epoch milliseconds. */
  now: () => number;
  newId: () => string;
  logger: Logger;
  trustedRoots: string[];
  database: Database | undefined;
  /** Entra ID / OpenID Connect bearer tokens; undefined when `config.oidc` is not set. */
  authenticateJwt: JwtAuthenticator | undefined;
};

/** Applies defaults and fails with INVALID_CONFIG when a secret the API cannot run without is missing. */
export function createApiContext(deps: ApiDeps): ApiContext {
  const clock = deps.clock;
  return {
    client: deps.client,
    namespace: deps.namespace,
    library: deps.library,
    config: deps.config,
    linkSecret: requireSecret(deps.config.linkSecret, 'SIGNET_LINK_SECRET'),
    apiToken: requireSecret(deps.config.api.token, 'SIGNET_API_TOKEN'),
    now: clock
      ? () => {
          const value = clock();
          return typeof value === 'number' ? value : value.getTime();
        }
      : Date.now,
    newId: deps.idGenerator ?? (() => randomId()),
    logger: deps.logger ?? createLogger('api'),
    trustedRoots: deps.trustedRoots ?? [],
    database: deps.database,
    authenticateJwt: deps.config.oidc
      ? createJwtAuthenticator(deps.config.oidc, deps.oidcKeys ?? createIssuerKeys(deps.config.oidc))
      : undefined,
  };
}
