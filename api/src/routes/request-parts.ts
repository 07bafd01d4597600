import type { FastifyRequest } from 'fastify';
import { AppError, AppErrorCode, ZIdSchema } from '@signet/shared';
import type { ClaimedActor } from '../auth/sender-actor';
import { claimedActorFrom } from '../auth/sender-actor';

// Small readers shared by the routes: path parameters and headers, each failing with a catalogue code.

type Params = Record<string, string | undefined>;

function param(request: FastifyRequest, name: string): string {
  return (request.params as Params)[name] ?? '';
}

/** The `:id` path parameter; an id that cannot exist is simply not found. */
export function envelopeIdParam(request: FastifyRequest): string {
  const id = param(request, 'id');
  if (!ZIdSchema.safeParse(id).success)
    throw new AppError(AppErrorCode.ENVELOPE_NOT_FOUND, { message: 'no envelope has this id' });
  return id;
}

export function recipientIdParam(request: FastifyRequest): string {
  const id = param(request, 'recipientId');
  if (id.length === 0 || id.length > 64) throw new AppError(AppErrorCode.UNKNOWN_RECIPIENT);
  return id;
}

/** The `:token` path parameter (verified by the use case). */
export function tokenParam(request: FastifyRequest): string {
  return param(request, 'token');
}

/** The `:index` path parameter: a document's position in the envelope, from 0. */
export function documentIndexParam(request: FastifyRequest): number {
  const text = param(request, 'index');
  if (!/^\d{1,3}$/.test(text)) throw new AppError(AppErrorCode.DOCUMENT_NOT_FOUND, { message: `no document ${text}` });
  return Number(text);
}

/** The body, or `{}` when the request had none (POST without a body is fine for optional fields). */
export function bodyOf(request: FastifyRequest): unknown {
  return request.body ?? {};
}

export function actorOf(request: FastifyRequest): ClaimedActor | undefined {
  return claimedActorFrom(request.headers);
}
