import { AppError, AppErrorCode } from '@signet/shared';
import type { SignetConfig } from '@signet/shared/node';
import type { ApiContext } from '../context';
import type { Database } from '../db/database';
import type { JWTVerifyGetKey } from '../auth/jose';
import { verifyIdToken } from './id-token';
import { beginLogin, takeLogin } from './login-store';
import type { IssuerEndpoints } from './oidc-client';
import { authorizeUrl, exchangeCode } from './oidc-client';
import type { SenderSession, SessionLifetimes } from './session-store';
import { createSession, DEFAULT_SESSION_LIFETIMES } from './session-store';

type OidcConfig = NonNullable<SignetConfig['oidc']>;

/** What sign-in needs beyond the API context: the issuer's endpoints and keys (tests may pass their own). */
export type SignInDeps = {
  ctx: ApiContext;
  endpoints: () => Promise<IssuerEndpoints>;
  keys: JWTVerifyGetKey;
  lifetimes?: SessionLifetimes;
};

/** Only our own pages are places to return to after sign-in: no open redirect. */
const RETURN_TO = /^\/app(?:[/?][A-Za-z0-9\-._~/?=&%+]*)?$/;

export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && RETURN_TO.test(value) && !value.includes('//') ? value : '/app';
}

/** Where the identity provider sends the browser back: `${publicUrl}/app/auth/callback`. */
export function redirectUriOf(config: SignetConfig): string {
  return new URL('/app/auth/callback', config.api.publicUrl).toString();
}

/** The web client's settings, or INVALID_CONFIG (503-free: the operator must set them) when sign-in is off. */
export function requireWebSignIn(
  ctx: ApiContext,
): { oidc: OidcConfig; db: Database } & Required<Pick<OidcConfig, 'webClient'>> {
  const oidc = ctx.config.oidc;
  if (!oidc?.webClient) {
    throw new AppError(AppErrorCode.INVALID_CONFIG, {
      message: 'web sign-in needs SIGNET_OIDC_ISSUER, SIGNET_OIDC_AUDIENCE and SIGNET_OIDC_WEB_CLIENT_ID',
    });
  }
  if (!ctx.database)
    throw new AppError(AppErrorCode.DATABASE_UNAVAILABLE, { message: 'web sessions need the database' });
  return { oidc, db: ctx.database, webClient: oidc.webClient };
}

/** Starts a sign-in: stores state, nonce and PKCE verifier and answers the issuer's authorize URL. */
export async function startSignIn(deps: SignInDeps, returnTo: unknown): Promise<string> {
  const { db, webClient } = requireWebSignIn(deps.ctx);
  const endpoints = await deps.endpoints();
  const login = await beginLogin(db, safeReturnTo(returnTo), deps.ctx.now());
  return authorizeUrl(endpoints, webClient, { ...login, redirectUri: redirectUriOf(deps.ctx.config) });
}

/**
 * Finishes a sign-in at the callback: takes the pending login `state` names (once), exchanges the code with
 * its PKCE verifier, verifies the id_token (issuer, audience, nonce, expiry, tenant) and opens a session.
 * UNAUTHENTICATED when any of it fails; nothing is stored then.
 */
export async function finishSignIn(
  deps: SignInDeps,
  query: { code?: unknown; state?: unknown; error?: unknown },
): Promise<{ sessionId: string; session: SenderSession; returnTo: string; maxAgeMs: number }> {
  const { oidc, db, webClient } = requireWebSignIn(deps.ctx);
  if (typeof query.error === 'string') {
    throw new AppError(AppErrorCode.UNAUTHENTICATED, {
      message: `the identity provider refused: ${query.error.slice(0, 64)}`,
    });
  }
  if (typeof query.code !== 'string' || typeof query.state !== 'string' || query.state.length > 200) {
    throw new AppError(AppErrorCode.UNAUTHENTICATED, { message: 'the sign-in callback lacks its code or state' });
  }
  const login = await takeLogin(db, query.state, deps.ctx.now());
  if (!login) {
    throw new AppError(AppErrorCode.UNAUTHENTICATED, {
      message: 'this sign-in is unknown, used or expired; start again',
    });
  }
  const redirectUri = redirectUriOf(deps.ctx.config);
  const idToken = await exchangeCode(await deps.endpoints(), webClient, {
    code: query.code,
    codeVerifier: login.codeVerifier,
    redirectUri,
  });
  const identity = await verifyIdToken(idToken, {
    oidc,
    clientId: webClient.clientId,
    nonce: login.nonce,
    keys: deps.keys,
    now: deps.ctx.now(),
  });
  const lifetimes = deps.lifetimes ?? DEFAULT_SESSION_LIFETIMES;
  const { id, session } = await createSession(db, identity, deps.ctx.now(), lifetimes);
  return { sessionId: id, session, returnTo: login.returnTo, maxAgeMs: lifetimes.absoluteMs };
}
