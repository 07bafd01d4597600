import type { RouteOptions } from 'fastify';
import { mintRecipientToken } from '@signet/shared/node';
import { policyOf } from './route-policy';
import type { AuthTestApp } from './test-auth-app';
import { bearer, createAuthTestApp, OPERATOR_TOKEN, serveOwnedEnvelopes } from './test-auth-app';

// The authorisation matrix: every route the app registers, asked by every kind of caller. Routes are found
// at registration time, so a route added later is in the matrix without anyone editing this file.

type Route = { method: string; url: string };

const OWNERS: Record<string, string> = {
  'envelope-env-sams': 'sam@example.com',
  'envelope-env-others': 'o@example.com',
};
const LINK_SECRET = 'test-link-secret-0123456789abcdef012345678';

/** A concrete URL for a route pattern: sam's envelope, document 0, recipient r-1, and so on. */
function concrete(url: string, token: string): string {
  return url
    .replace(':token', encodeURIComponent(token))
    .replace(':recipientId', 'r-1')
    .replace(':index', '0')
    .replace(':variant', 'original')
    .replace(/:id\b/, 'env-sams')
    .replace(/:(\w+)/g, 'x-$1');
}

const isSenderRoute = (url: string) => url.startsWith('/api/v1/') && !url.startsWith('/api/v1/recipient');
const isRecipientRoute = (url: string) => url.startsWith('/api/v1/recipient/:token');
const isInternalRoute = (url: string) => url.startsWith('/internal/');

describe('authorisation matrix', () => {
  let t: AuthTestApp;
  let routes: Route[];
  let sam: string;
  let other: string;
  let admin: string;
  const samsLink = mintRecipientToken(LINK_SECRET, {
    envelopeId: 'env-sams',
    recipientId: 'r-1',
    recipientKey: 'k'.repeat(22),
  });

  beforeAll(async () => {
    t = await createAuthTestApp({
      env: {
        SIGNET_INTERNAL_TOKEN: 'internal-token-0123456789abcdef0123456789',
        SIGNET_WEBHOOK_ALLOW_INSECURE: 'true',
      },
    });
    routes = [];
    t.app.addHook('onRoute', (route: RouteOptions) => {
      for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
    });
    await t.app.ready();
    serveOwnedEnvelopes(t, OWNERS);
    sam = (await t.mintKey({ owner: 'sam@example.com' })).token;
    other = (await t.mintKey({ owner: 'olga@example.com' })).token;
    admin = (await t.mintKey({ owner: 'ada@example.com', role: 'admin' })).token;
  });
  afterAll(async () => t.close());
  beforeEach(() => {
    t.temporal.updates.length = 0;
    t.temporal.starts.length = 0;
  });

  const ask = (route: Route, headers: Record<string, string> = {}, token = samsLink) =>
    t.app.inject({
      method: route.method as 'GET',
      url: concrete(route.url, token),
      headers: { 'content-type': 'application/json', ...headers },
      ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: '{}' }),
    });

  it('finds the routes of every kind', () => {
    expect(routes.filter((r) => isSenderRoute(r.url)).length).toBeGreaterThan(15);
    expect(routes.filter((r) => isRecipientRoute(r.url)).length).toBeGreaterThan(4);
    expect(routes.filter((r) => isInternalRoute(r.url)).length).toBeGreaterThan(2);
  });

  it('anonymous callers, garbage bearers and recipient links used as bearers get 401 on every sender route', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => isSenderRoute(r.url))) {
      for (const headers of [{}, bearer('not-a-token'), bearer(samsLink)]) {
        const response = await ask(route, headers);
        if (response.statusCode !== 401 || response.json().error.code !== 'UNAUTHENTICATED') {
          failures.push(`${route.method} ${route.url} ${JSON.stringify(headers)} → ${response.statusCode}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(t.temporal.updates).toEqual([]);
    expect(t.temporal.starts).toEqual([]);
  });

  it("another sender gets 403 on every route of sam's envelope and on admin routes, and changes nothing", async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => isSenderRoute(r.url))) {
      const policy = policyOf(route.method, route.url);
      if (!policy || !(policy.ownership === 'envelope' || policy.adminOnly)) continue;
      const response = await ask(route, bearer(other));
      if (response.statusCode !== 403) failures.push(`${route.method} ${route.url} → ${response.statusCode}`);
    }
    expect(failures).toEqual([]);
    expect(t.temporal.updates).toEqual([]);
  });

  it('an admin is never refused by authorisation (401/403) on a sender route', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => isSenderRoute(r.url))) {
      const response = await ask(route, bearer(admin));
      if ([401, 403].includes(response.statusCode)) failures.push(`${route.method} ${route.url}`);
    }
    expect(failures).toEqual([]);
  });

  it('recipient routes refuse forged and tampered link tokens with INVALID_TOKEN', async () => {
    const forged = mintRecipientToken('another-secret-0123456789abcdef0123456789', {
      envelopeId: 'env-sams',
      recipientId: 'r-1',
      recipientKey: 'k'.repeat(22),
    });
    const flip = samsLink.at(-3) === 'A' ? 'B' : 'A';
    const tampered = `${samsLink.slice(0, -3)}${flip}${samsLink.slice(-2)}`;
    const failures: string[] = [];
    for (const route of routes.filter((r) => isRecipientRoute(r.url))) {
      for (const token of [forged, tampered, 'garbage']) {
        const response = await ask(route, {}, token);
        if (response.statusCode !== 401 || response.json().error.code !== 'INVALID_TOKEN') {
          failures.push(`${route.method} ${route.url} → ${response.statusCode}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(t.temporal.updates).toEqual([]);
  });

  it('internal routes take only the service token: not a sender key, the operator token or nothing', async () => {
    const internal = routes.filter((r) => isInternalRoute(r.url));
    const failures: string[] = [];
    for (const route of internal) {
      for (const headers of [{}, bearer(sam), bearer(admin), bearer(OPERATOR_TOKEN)]) {
        const response = await ask(route, headers);
        if (response.statusCode !== 401) failures.push(`${route.method} ${route.url} → ${response.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("another sender cannot see or change sam's templates and webhooks (404, unchanged); an admin can read them", async () => {
    const post = (url: string, payload: unknown) =>
      t.app.inject({ method: 'POST', url, headers: bearer(sam), payload: payload as object });
    const template = await post('/api/v1/templates', {
      name: 'NDA',
      settings: { recipients: [{ label: 'Customer' }] },
    });
    expect(template.statusCode).toBe(201);
    const webhook = await post('/api/v1/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['envelope.completed'] });
    expect(webhook.statusCode).toBe(201);
    const owned: Record<string, string> = {
      '/api/v1/templates/:id': template.json().id,
      '/api/v1/webhooks/:id': webhook.json().id,
    };
    const failures: string[] = [];
    for (const route of routes) {
      const prefix = Object.keys(owned).find((p) => route.url.startsWith(p));
      if (!prefix) continue;
      const url = route.url.replace(':id', owned[prefix] ?? '');
      const payload = route.method === 'PUT' ? { name: 'Taken', settings: { recipients: [{ label: 'X' }] } } : {};
      const response = await t.app.inject({
        method: route.method as 'GET',
        url,
        headers: bearer(other),
        ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload }),
      });
      if (response.statusCode !== 404) failures.push(`${route.method} ${route.url} → ${response.statusCode}`);
    }
    expect(failures).toEqual([]);
    for (const url of [`/api/v1/templates/${template.json().id}`, `/api/v1/webhooks/${webhook.json().id}`]) {
      const mine = await t.app.inject({ method: 'GET', url, headers: bearer(sam) });
      expect(mine.statusCode).toBe(200);
      expect(mine.json().name ?? mine.json().url).not.toBe('Taken');
      expect((await t.app.inject({ method: 'GET', url, headers: bearer(admin) })).statusCode).toBe(200);
    }
    const othersList = await t.app.inject({ method: 'GET', url: '/api/v1/templates', headers: bearer(other) });
    expect(JSON.stringify(othersList.json())).not.toContain(template.json().id);
    const othersHooks = await t.app.inject({ method: 'GET', url: '/api/v1/webhooks', headers: bearer(other) });
    expect(JSON.stringify(othersHooks.json())).not.toContain(webhook.json().id);
  });
});
