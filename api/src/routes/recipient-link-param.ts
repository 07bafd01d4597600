import type { FastifyRequest } from 'fastify';
import { readRecipientLink } from '../auth/recipient-link';
import type { ApiContext } from '../context';
import { tokenParam } from './request-parts';

/**
 * The `:token` parameter, verified before the body is read: a forged or tampered link is INVALID_TOKEN (401)
 * whatever it sends, and learns nothing about the body rules.
 */
export function linkTokenParam(ctx: ApiContext, request: FastifyRequest): string {
  const token = tokenParam(request);
  readRecipientLink(ctx, token);
  return token;
}
