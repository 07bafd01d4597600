import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest, onRequestAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import { AppError, AppErrorCode } from '@signet/shared';
import { looksLikeApiKey } from '../api-keys/api-key-token';
import { authenticateApiKey } from '../api-keys/authenticate-api-key';
import type { ApiContext } from '../context';
import { authoriseBody, authoriseRequest } from './authorise-request';
import { assertCsrfSafe } from '../sender-session/check-csrf';
import { sessionIdFrom } from '../sender-session/session-cookie';
import type { SenderSession } from '../sender-session/session-store';
import { touchSession } from '../sender-session/session-store';
import type { Caller } from './caller';
import { authMethodOf, callerFromApiKey, callerFromSession, OPERATOR_CALLER } from './caller';
import { looksLikeJwt } from './entra-jwt';
import { recordAuthMethod } from './sender-actor';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerTokenOf(header: string | undefined): string | undefined {
  return header ? BEARER.exec(header)?.[1] : undefined;
}

/**
 * True when an `Authorization` header carries `Bearer <token>`. Both sides are hashed first so the
 * constant-time comparison sees equal lengths and leaks neither the token nor its length.
 */
export function isAuthorizedBearer(header: string | undefined, token: string): boolean {
  const given = bearerTokenOf(header);
  if (!given) return false;
  return timingSafeEqual(digest(given), digest(token));
}

const unauthenticated = () =>
  new AppError(AppErrorCode.UNAUTHENTICATED, {
    message:
      'a valid "Authorization: Bearer <Entra ID token, API key or SIGNET_API_TOKEN>" header or a web UI session is required',
  });

/** The live web UI session a `Cookie` header names, or undefined (no cookie, no database, ended or expired). */
export async function findSession(
  ctx: ApiContext,
  cookieHeader: string | undefined,
): Promise<SenderSession | undefined> {
  const id = sessionIdFrom(cookieHeader);
  if (!id || !ctx.database) return undefined;
  return touchSession(ctx.database, id, ctx.now());
}

/**
 * Who the caller is: with a bearer token, the operator (SIGNET_API_TOKEN, compared first and in constant
 * time), else the owner of a `signet_…` API key (when the API has a database), else the user of an Entra ID /
 * OpenID Connect JWT (when SIGNET_OIDC_ISSUER is set); a bearer that is none of these is refused even when a
 * session cookie comes along. Without a bearer, the web UI session the cookie names (decision 0017; the
 * caller's unsafe requests must then pass the CSRF check, see `createSenderAuth`). Else UNAUTHENTICATED.
 */
export async function authenticateCaller(
  ctx: ApiContext,
  header: string | undefined,
  cookieHeader?: string,
): Promise<Caller & { session?: SenderSession }> {
  const token = bearerTokenOf(header);
  if (!token) {
    const session = await findSession(ctx, cookieHeader);
    if (session) return { ...callerFromSession(session), session };
    throw unauthenticated();
  }
  if (isAuthorizedBearer(header, ctx.apiToken)) return OPERATOR_CALLER;
  if (looksLikeApiKey(token) && ctx.database) {
    return callerFromApiKey(await authenticateApiKey({ db: ctx.database, now: ctx.now }, token));
  }
  if (ctx.authenticateJwt && looksLikeJwt(token)) return ctx.authenticateJwt(token);
  throw unauthenticated();
}

/**
 * Sender authentication and authorisation, before any handler or body parsing runs: sets `request.caller`,
 * checks CSRF for session callers, records how the caller authenticated for the audit trail, then applies
 * the route's policy (`authorise-request.ts`). UNAUTHENTICATED without valid credentials, CSRF_REJECTED for
 * a cross-site (or token-less) unsafe session request, FORBIDDEN when the caller may not use the route or
 * reach the envelope.
 */
export function createSenderAuth(ctx: ApiContext): onRequestAsyncHookHandler {
  return async (request: FastifyRequest) => {
    const { session, ...caller } = await authenticateCaller(ctx, request.headers.authorization, request.headers.cookie);
    if (session) {
      assertCsrfSafe(request.method, request.headers, {
        csrfToken: session.csrfToken,
        publicUrl: ctx.config.api.publicUrl,
      });
    }
    request.caller = caller;
    recordAuthMethod(request.headers, authMethodOf(caller));
    await authoriseRequest(ctx, request, caller);
  };
}

/** The checks that need the parsed JSON body (a sender key creating an envelope in its owner's name). */
export function createSenderBodyCheck(): preHandlerAsyncHookHandler {
  // eslint-disable-next-line @typescript-eslint/require-await -- fastify's async hook contract: a throw becomes the rejected promise fastify routes to the error handler
  return async (request: FastifyRequest) => authoriseBody(request);
}
