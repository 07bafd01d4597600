import type { FastifyRequest } from 'fastify';
import { AppError, AppErrorCode, normaliseEmail, ZIdSchema } from '@signet/shared';
import type { ApiContext } from '../context';
import { queryEnvelope } from '../temporal/envelope-calls';
import type { Caller } from './caller';
import { isAdmin } from './caller';
import type { RoutePolicy } from './route-policy';
import { policyOf } from './route-policy';

const ACTOR_EMAIL_HEADER = 'x-signet-actor-email';

function forbidden(message: string): AppError {
  return new AppError(AppErrorCode.FORBIDDEN, { message });
}

function sameEmail(a: string, b: string): boolean {
  return normaliseEmail(a) === normaliseEmail(b);
}

/**
 * An API key acts as its owner, a signed-in user (JWT) as themselves: the audit trail records them, and
 * `X-Signet-Actor-Email` may only repeat it. (The operator token may still name anyone: it is the operator's
 * word, recorded as such.)
 */
function pinActor(request: FastifyRequest, caller: Caller): void {
  const claimed = request.headers[ACTOR_EMAIL_HEADER];
  const given = Array.isArray(claimed) ? claimed[0] : claimed;
  if (given?.trim() && !sameEmail(given, caller.subject)) {
    throw forbidden(`this caller acts as ${caller.subject}; X-Signet-Actor-Email may not name another`);
  }
  request.headers[ACTOR_EMAIL_HEADER] = caller.subject;
}

/** A sender key lists only its owner's envelopes: the filter is set to the owner, and may not name another. */
function confineList(request: FastifyRequest, caller: Caller): void {
  const query = request.query as Record<string, unknown>;
  const asked = query.senderEmail;
  if (typeof asked === 'string' && asked.trim() && !sameEmail(asked, caller.subject)) {
    throw forbidden('a sender key lists only its own envelopes');
  }
  query.senderEmail = caller.subject;
}

async function assertOwnsEnvelope(ctx: ApiContext, request: FastifyRequest, caller: Caller): Promise<void> {
  const id = (request.params as Record<string, string | undefined>).id ?? '';
  // Same answer as the route would give, without a Temporal call for an id that cannot exist.
  if (!ZIdSchema.safeParse(id).success) throw new AppError(AppErrorCode.ENVELOPE_NOT_FOUND);
  const view = await queryEnvelope(ctx, id);
  if (!sameEmail(view.sender.email, caller.subject)) throw forbidden('this envelope belongs to another sender');
}

/**
 * The authorisation rules of sender routes, before the handler (and before the body is read):
 * the operator passes; an API key or a signed-in user (JWT) needs the route's scope (and admin role where the
 * route says so), acts as its owner, and — with the sender role — reaches only its owner's envelopes. Admins
 * reach all envelopes. The rules do not depend on how the caller authenticated, only on role and scopes.
 */
export async function authoriseRequest(ctx: ApiContext, request: FastifyRequest, caller: Caller): Promise<void> {
  if (caller.kind === 'operator') return;
  const policy: RoutePolicy | undefined = policyOf(request.method, request.routeOptions.url);
  if (!policy) throw forbidden('this route is not open to API keys');
  if (!caller.scopes.includes(policy.scope)) throw forbidden(`this route needs the "${policy.scope}" scope`);
  if (policy.adminOnly && !isAdmin(caller)) throw forbidden('this route is for admins');
  pinActor(request, caller);
  if (isAdmin(caller)) return;
  if (policy.ownership === 'list') confineList(request, caller);
  if (policy.ownership === 'envelope') await assertOwnsEnvelope(ctx, request, caller);
  if (policy.ownership === 'refused') throw forbidden('this route is not open to sender keys or users yet');
  // 'create': checked on the body — JSON in authoriseBody (a hook), multipart by the handler (assertCreatesAsCaller).
}

/**
 * After the JSON body is parsed: a sender key creates envelopes only in its owner's name. A body without a
 * readable sender is left to the route's schema check.
 */
export function authoriseBody(request: FastifyRequest): void {
  if (policyOf(request.method, request.routeOptions.url)?.ownership !== 'create') return;
  if (request.isMultipart()) return; // read inside the handler, after every hook: see assertCreatesAsCaller
  const sender = (request.body as { sender?: { email?: unknown } } | null | undefined)?.sender?.email;
  assertCreatesAsCaller(request, sender);
}

/**
 * A sender key or a signed-in sender creates envelopes only in their own name; the operator token and admins may
 * name any sender. `sender` is the body's `sender.email`; anything but a string is left to the schema check.
 */
export function assertCreatesAsCaller(request: FastifyRequest, sender: unknown): void {
  const caller = request.caller;
  if (!caller || caller.kind === 'operator' || isAdmin(caller)) return;
  if (typeof sender === 'string' && !sameEmail(sender, caller.subject)) {
    throw forbidden(`a sender key creates envelopes only as its owner ${caller.subject}`);
  }
}
