import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest, onRequestAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import { AppError, AppErrorCode } from '@signet/shared';
import { looksLikeApiKey } from '../api-keys/api-key-token';
import { authenticateApiKey } from '../api-keys/authenticate-api-key';
import type { ApiContext } from '../context';
import { authoriseBody, authoriseRequest } from './authorise-request';
import type { Caller } from './caller';
import { callerFromApiKey, OPERATOR_CALLER } from './caller';
import { looksLikeJwt } from './entra-jwt';

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
    message: 'a valid "Authorization: Bearer <Entra ID token, API key or SIGNET_API_TOKEN>" header is required',
  });

/**
 * Who the bearer is: the operator (SIGNET_API_TOKEN, compared first and in constant time), else the owner of
 * a `signet_…` API key (when the API has a database), else the user of an Entra ID / OpenID Connect JWT
 * (when SIGNET_OIDC_ISSUER is set), else UNAUTHENTICATED.
 */
export async function authenticateCaller(ctx: ApiContext, header: string | undefined): Promise<Caller> {
  const token = bearerTokenOf(header);
  if (!token) throw unauthenticated();
  if (isAuthorizedBearer(header, ctx.apiToken)) return OPERATOR_CALLER;
  if (looksLikeApiKey(token) && ctx.database) {
    return callerFromApiKey(await authenticateApiKey({ db: ctx.database, now: ctx.now }, token));
  }
  if (ctx.authenticateJwt && looksLikeJwt(token)) return ctx.authenticateJwt(token);
  throw unauthenticated();
}

/**
 * Sender authentication and authorisation, before any handler or body parsing runs: sets `request.caller`,
 * then applies the route's policy (`authorise-request.ts`). UNAUTHENTICATED without valid credentials,
 * FORBIDDEN when the caller may not use the route or reach the envelope.
 */
export function createSenderAuth(ctx: ApiContext): onRequestAsyncHookHandler {
  return async (request: FastifyRequest) => {
    const caller = await authenticateCaller(ctx, request.headers.authorization);
    request.caller = caller;
    await authoriseRequest(ctx, request, caller);
  };
}

/** The checks that need the parsed JSON body (a sender key creating an envelope in its owner's name). */
export function createSenderBodyCheck(): preHandlerAsyncHookHandler {
  // eslint-disable-next-line @typescript-eslint/require-await -- fastify's async hook contract: a throw becomes the rejected promise fastify routes to the error handler
  return async (request: FastifyRequest) => authoriseBody(request);
}
