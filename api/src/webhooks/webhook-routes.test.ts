import { AppErrorCode, WEBHOOK_DELIVERY_WORKFLOW_TYPE } from '@signet/shared';
import type { AuthTestApp } from '../auth/test-auth-app';
import { bearer, createAuthTestApp, OPERATOR_TOKEN } from '../auth/test-auth-app';

// The webhook routes through the real app (auth hook, route policies, schemas), a fake Temporal client and the
// test database: who may see and manage which subscription.

describe('webhook routes', () => {
  let t: AuthTestApp;
  let sam: string;
  let olivia: string;
  let samReadOnly: string;

  beforeAll(async () => {
    t = await createAuthTestApp({ env: { SIGNET_WEBHOOK_ALLOW_INSECURE: 'false' } });
    sam = (await t.mintKey({ owner: 'Sam@Example.com' })).token;
    olivia = (await t.mintKey({ owner: 'olivia@example.com' })).token;
    samReadOnly = (await t.mintKey({ owner: 'sam@example.com', scopes: ['envelopes:read'] })).token;
  });
  afterAll(async () => t.close());

  const call = async (method: 'GET' | 'POST' | 'DELETE', url: string, token: string, payload?: object) =>
    payload === undefined
      ? t.app.inject({ method, url, headers: bearer(token) })
      : t.app.inject({ method, url, headers: bearer(token), payload });

  it('lets each sender manage only their own subscriptions; admins see all', async () => {
    const created = await call('POST', '/api/v1/webhooks', sam, {
      url: 'https://hooks.example.com/signet',
      events: ['envelope.completed', 'envelope.sent', 'envelope.sent'],
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const hook = created.json<{ id: string; secret: string; owner: string; allEnvelopes: boolean; events: string[] }>();
    expect(hook).toMatchObject({ owner: 'sam@example.com', allEnvelopes: false });
    expect(hook.events.sort()).toEqual(['envelope.completed', 'envelope.sent']);
    expect(hook.secret).toMatch(/^whsec_/);

    const mine = await call('GET', '/api/v1/webhooks', sam);
    expect(mine.json<{ items: Array<{ id: string }> }>().items.map((i) => i.id)).toEqual([hook.id]);
    expect(JSON.stringify(mine.json())).not.toContain(hook.secret);
    expect((await call('GET', '/api/v1/webhooks', olivia)).json()).toEqual({ items: [] });
    for (const [method, path] of [
      ['GET', `/api/v1/webhooks/${hook.id}`],
      ['GET', `/api/v1/webhooks/${hook.id}/deliveries`],
      ['POST', `/api/v1/webhooks/${hook.id}/rotate-secret`],
      ['POST', `/api/v1/webhooks/${hook.id}/test`],
      ['DELETE', `/api/v1/webhooks/${hook.id}`],
    ] as const) {
      const response = await call(method, path, olivia);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: { code: AppErrorCode.WEBHOOK_NOT_FOUND } });
    }
    const operatorList = await call('GET', '/api/v1/webhooks', OPERATOR_TOKEN);
    expect(operatorList.json<{ items: Array<{ id: string }> }>().items.map((i) => i.id)).toContain(hook.id);

    // A read-only key may look but not change.
    expect((await call('GET', `/api/v1/webhooks/${hook.id}`, samReadOnly)).statusCode).toBe(200);
    expect((await call('DELETE', `/api/v1/webhooks/${hook.id}`, samReadOnly)).statusCode).toBe(403);

    // The test ping starts one delivery workflow with the configured backoff.
    t.temporal.starts.length = 0;
    const ping = await call('POST', `/api/v1/webhooks/${hook.id}/test`, sam);
    expect(ping.statusCode).toBe(202);
    const { deliveryId } = ping.json<{ deliveryId: string }>();
    expect(t.temporal.starts).toEqual([
      {
        workflowType: WEBHOOK_DELIVERY_WORKFLOW_TYPE,
        options: expect.objectContaining({
          workflowId: `webhook-delivery-${deliveryId}`,
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          args: [{ deliveryId, retryInitialMs: 30_000, retryForMs: 86_400_000, maxAttempts: 20 }],
        }),
      },
    ]);
    const log = await call('GET', `/api/v1/webhooks/${hook.id}/deliveries`, sam);
    expect(log.json()).toMatchObject({
      items: [{ id: deliveryId, eventType: 'ping', state: 'PENDING', attempts: [] }],
    });

    const rotated = await call('POST', `/api/v1/webhooks/${hook.id}/rotate-secret`, sam);
    expect(rotated.json<{ secret: string }>().secret).not.toBe(hook.secret);
    expect((await call('DELETE', `/api/v1/webhooks/${hook.id}`, sam)).statusCode).toBe(204);
    expect((await call('GET', `/api/v1/webhooks/${hook.id}`, sam)).statusCode).toBe(404);
  });

  it('refuses unsafe URLs and bad bodies with a code, storing nothing', async () => {
    const before = await t.database.db.query('SELECT id FROM webhook_subscriptions');
    for (const url of ['http://hooks.example.com/', 'https://169.254.169.254/', 'https://localhost:8443/']) {
      const response = await call('POST', '/api/v1/webhooks', sam, { url, events: ['envelope.sent'] });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: AppErrorCode.WEBHOOK_URL_REJECTED } });
    }
    for (const body of [
      { url: 'https://hooks.example.com/', events: [] },
      { url: 'https://hooks.example.com/', events: ['ping'] },
      { url: 'https://hooks.example.com/', events: ['envelope.sent'], extra: true },
    ]) {
      const response = await call('POST', '/api/v1/webhooks', sam, body);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: AppErrorCode.VALIDATION_FAILED } });
    }
    expect(await t.database.db.query('SELECT id FROM webhook_subscriptions')).toEqual(before);
  });
});
