import type { ApiKeyScope } from '../api-keys/api-key-vocabulary';
import { ApiKeyScope as Scope } from '../api-keys/api-key-vocabulary';

/**
 * What a sender route asks of an API key.
 * - `scope`: the key must hold it.
 * - `adminOnly`: the key's role must be admin.
 * - `ownership`: how a sender key is confined to its own envelopes — `envelope` (the `:id` envelope's sender
 *   must be the key's owner), `list` (the list is filtered to the owner), `create` (the new envelope's sender
 *   must be the owner), `refused` (sender keys cannot use the route yet; see `authorise-request.ts`).
 */
export type RoutePolicy = {
  scope: ApiKeyScope;
  adminOnly?: boolean;
  ownership?: 'envelope' | 'list' | 'create' | 'refused';
};

const read = { scope: Scope.ENVELOPES_READ } as const;
const write = { scope: Scope.ENVELOPES_WRITE } as const;
const admin = { scope: Scope.ADMIN, adminOnly: true } as const;
const ownEnvelope = { ownership: 'envelope' } as const;

/**
 * Keyed by `METHOD /route/pattern` as fastify registered it. A sender route missing here is closed to API
 * keys (FORBIDDEN), so a new route is never opened by accident; a unit test checks every route has a line.
 */
export const ROUTE_POLICIES: Readonly<Record<string, RoutePolicy>> = {
  'GET /api/v1/envelopes': { ...read, ownership: 'list' },
  'GET /api/v1/envelopes/:id': { ...read, ...ownEnvelope },
  'GET /api/v1/envelopes/:id/audit.json': { ...read, ...ownEnvelope },
  'GET /api/v1/envelopes/:id/audit.pdf': { ...read, ...ownEnvelope },
  'GET /api/v1/envelopes/:id/documents/:index/:variant': { ...read, ...ownEnvelope },
  'POST /api/v1/envelopes': { ...write, ownership: 'create' },
  'POST /api/v1/envelopes/upload': { ...write, ownership: 'create' },
  'POST /api/v1/envelopes/:id/cancel': { ...write, ...ownEnvelope },
  'POST /api/v1/envelopes/:id/extend': { ...write, ...ownEnvelope },
  'POST /api/v1/envelopes/:id/remind': { ...write, ...ownEnvelope },
  'POST /api/v1/envelopes/:id/legal-hold': { ...write, ...ownEnvelope },
  'POST /api/v1/envelopes/:id/recipients': { ...write, ...ownEnvelope },
  'PUT /api/v1/envelopes/:id/recipients/:recipientId': { ...write, ...ownEnvelope },
  'DELETE /api/v1/envelopes/:id/recipients/:recipientId': { ...write, ...ownEnvelope },
  'GET /api/v1/library': read,
  // Templates and bulk sends are confined to their owner in the use cases (others get NOT_FOUND).
  'POST /api/v1/templates': write,
  'GET /api/v1/templates': read,
  'GET /api/v1/templates/:id': read,
  'PUT /api/v1/templates/:id': write,
  'DELETE /api/v1/templates/:id': write,
  'POST /api/v1/bulk-sends': { ...write, ownership: 'create' },
  'GET /api/v1/bulk-sends': read,
  'GET /api/v1/bulk-sends/:id': read,
  'GET /api/v1/bulk-sends/:id/rows.csv': read,
  'POST /api/v1/verify': { scope: Scope.VERIFY },
  'POST /api/v1/api-keys': admin,
  'GET /api/v1/api-keys': admin,
  'DELETE /api/v1/api-keys/:id': admin,
  // Webhooks: each caller's own subscriptions (admins: all), checked by the handlers (webhooks/webhook-store.ts).
  'POST /api/v1/webhooks': write,
  'GET /api/v1/webhooks': read,
  'GET /api/v1/webhooks/:id': read,
  'DELETE /api/v1/webhooks/:id': write,
  'POST /api/v1/webhooks/:id/rotate-secret': write,
  'GET /api/v1/webhooks/:id/deliveries': read,
  'POST /api/v1/webhooks/:id/test': write,
};

/** The policy of a route; HEAD (which fastify adds to every GET) is a GET. */
export function policyOf(method: string, routeUrl: string | undefined): RoutePolicy | undefined {
  if (routeUrl === undefined) return undefined;
  return ROUTE_POLICIES[`${method === 'HEAD' ? 'GET' : method} ${routeUrl}`];
}
