import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { AppError, AppErrorCode } from '@signet/shared';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * True when an `Authorization` header carries `Bearer <token>`. Both sides are hashed first so the
 * constant-time comparison sees equal lengths and leaks neither the token nor its length.
 */
export function isAuthorizedBearer(header: string | undefined, token: string): boolean {
  const given = header ? BEARER.exec(header)?.[1] : undefined;
  if (!given) return false;
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * The interim sender authentication (one shared API token until Entra ID arrives): rejects a request
 * without the right bearer token with UNAUTHENTICATED before any handler or body parsing runs.
 */
export function createSenderAuth(token: string): onRequestAsyncHookHandler {
  // eslint-disable-next-line @typescript-eslint/require-await -- fastify's async hook contract: a throw becomes the rejected promise fastify routes to the error handler
  return async (request: FastifyRequest) => {
    if (!isAuthorizedBearer(request.headers.authorization, token)) {
      throw new AppError(AppErrorCode.UNAUTHENTICATED, {
        message: 'a valid "Authorization: Bearer <SIGNET_API_TOKEN>" header is required',
      });
    }
  };
}
