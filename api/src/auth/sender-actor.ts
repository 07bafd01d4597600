import type { IncomingHttpHeaders } from 'node:http';
import type { TEnvelopeView, TSenderActor } from '@signet/shared';
import { AuthMethod } from '@signet/shared';
import { assertValidEmail } from '../assert-valid-email';
import type { ApiContext } from '../context';
import { queryEnvelope } from '../temporal/envelope-calls';

/** Who the caller says is acting, from `X-Signet-Actor-Email` / `X-Signet-Actor-Name`. */
export type ClaimedActor = { email: string; name?: string };

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text ? text : undefined;
}

/**
 * Reads the acting person from the request headers; undefined when none is named. With the interim
 * shared API token the headers are the caller's word: the audit trail records them with API_TOKEN.
 */
export function claimedActorFrom(headers: IncomingHttpHeaders): ClaimedActor | undefined {
  const email = header(headers, 'x-signet-actor-email');
  const name = header(headers, 'x-signet-actor-name');
  if (!email) return undefined;
  assertValidEmail(email, 'X-Signet-Actor-Email');
  return { email, ...(name ? { name: name.slice(0, 200) } : {}) };
}

/**
 * The sender actor of an action: the claimed one, or else the envelope's sender (which costs a status
 * query, reused by callers that need the view anyway).
 */
export async function resolveSenderActor(
  ctx: ApiContext,
  envelopeId: string,
  claimed: ClaimedActor | undefined,
  view?: TEnvelopeView,
): Promise<TSenderActor> {
  if (claimed) return { email: claimed.email, name: claimed.name ?? claimed.email, authMethod: AuthMethod.API_TOKEN };
  const { sender } = view ?? (await queryEnvelope(ctx, envelopeId));
  return { email: sender.email, name: sender.name, authMethod: AuthMethod.API_TOKEN };
}
