import type { IncomingHttpHeaders } from 'node:http';
import type { TEnvelopeView, TSenderActor } from '@signet/shared';
import { AuthMethod } from '@signet/shared';
import { assertValidEmail } from '../assert-valid-email';
import type { ApiContext } from '../context';
import { queryEnvelope } from '../temporal/envelope-calls';

/** Who the caller says is acting, from `X-Signet-Actor-Email` / `X-Signet-Actor-Name`, and how they authenticated. */
export type ClaimedActor = { email: string; name?: string; authMethod?: AuthMethod };

/**
 * How each request's caller authenticated, keyed by the request's headers object: the authentication hook
 * records it (`recordAuthMethod`) and `claimedActorFrom` — which routes call with `request.headers` — reads it.
 * A WeakMap, so nothing outlives the request and no header a client could send can forge it.
 */
const AUTH_METHODS = new WeakMap<IncomingHttpHeaders, AuthMethod>();

/** Called by the sender authentication hook once the caller is known. */
export function recordAuthMethod(headers: IncomingHttpHeaders, method: AuthMethod): void {
  AUTH_METHODS.set(headers, method);
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text ? text : undefined;
}

/**
 * Reads the acting person from the request headers; undefined when none is named. With the operator token
 * the headers are the caller's word (recorded with API_TOKEN); API keys and signed-in users may only name
 * themselves (`authorise-request.ts` pins the header), recorded with API_KEY or ENTRA_ID.
 */
export function claimedActorFrom(headers: IncomingHttpHeaders): ClaimedActor | undefined {
  const email = header(headers, 'x-signet-actor-email');
  const name = header(headers, 'x-signet-actor-name');
  if (!email) return undefined;
  assertValidEmail(email, 'X-Signet-Actor-Email');
  const authMethod = AUTH_METHODS.get(headers);
  return { email, ...(name ? { name: name.slice(0, 200) } : {}), ...(authMethod ? { authMethod } : {}) };
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
  if (claimed) {
    return {
      email: claimed.email,
      name: claimed.name ?? claimed.email,
      authMethod: claimed.authMethod ?? AuthMethod.API_TOKEN,
    };
  }
  const { sender } = view ?? (await queryEnvelope(ctx, envelopeId));
  return { email: sender.email, name: sender.name, authMethod: AuthMethod.API_TOKEN };
}
