import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TEnvelopeEventsPublication } from '@signet/shared';
import { AppErrorCode } from '@signet/shared';
import type { Caller } from '../auth/caller';
import { runMigrations } from '../db/run-migrations';
import type { TestDatabase } from '../db/test-database';
import { openTestDatabase } from '../db/test-database';
import { attemptWebhookDelivery, giveUpWebhookDelivery } from './attempt-webhook-delivery';
import { createWebhook } from './create-webhook';
import { listWebhookDeliveries } from './list-webhook-deliveries';
import { getWebhook } from './list-webhooks';
import { recordEnvelopeEvents } from './record-envelope-events';
import { rotateWebhookSecret } from './rotate-webhook-secret';
import { openSecret, sealSecret } from './webhook-secret';
import { signatureHeaderOf } from './webhook-signature';
import type { WebhookDeps } from './webhook-store';
import { checkWebhookUrl, guardedLookup, isBlockedAddress } from './webhook-url-guard';

const T0 = Date.parse('2030-01-01T00:00:00.000Z');
const MASTER = 'webhook-test-master-secret-0123456789abcdef';
const sam: Caller = { kind: 'api-key', subject: 'sam@example.com', role: 'sender', scopes: ['envelopes:write'] };
const ada: Caller = { kind: 'api-key', subject: 'ada@example.com', role: 'admin', scopes: ['envelopes:write'] };

/** What a subscriber does: recompute the HMAC over "<t>.<raw body>" and compare in constant time. */
function verify(secret: string, header: string, body: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2] ?? '', 'hex'));
}

function publication(revision: number, events: TEnvelopeEventsPublication['events'], sender = 'Sam@Example.com') {
  return {
    envelope: {
      envelopeId: 'env1',
      revision,
      subject: 'NDA',
      sender: { id: 'u1', email: sender, name: 'Sam' },
      status: 'PENDING' as const,
      createdAt: new Date(T0).toISOString(),
      expiresAt: new Date(T0 + 14 * 86_400_000).toISOString(),
      progress: { done: 0, required: 1 },
      recipients: [],
      documentNames: [],
      signedCopy: false,
    },
    events,
  };
}

describe('webhook signatures and secrets', () => {
  it('signs "t.body" with HMAC-SHA256 in the Signet-Signature format; a tampered body or time fails', () => {
    const header = signatureHeaderOf('whsec_abc', '{"id":"1"}', 1_900_000_000);
    expect(header).toMatch(/^t=1900000000,v1=[0-9a-f]{64}$/);
    expect(verify('whsec_abc', header, '{"id":"1"}')).toBe(true);
    expect(verify('whsec_abc', header, '{"id":"2"}')).toBe(false);
    expect(verify('whsec_abd', header, '{"id":"1"}')).toBe(false);
    expect(verify('whsec_abc', header.replace('t=1900000000', 't=1900000001'), '{"id":"1"}')).toBe(false);
  });

  it('stores secrets sealed: bound to their subscription, unreadable with another master secret', () => {
    const sealed = sealSecret(MASTER, 'sub1', 'whsec_secret');
    expect(sealed.toString('utf8')).not.toContain('whsec_secret');
    expect(openSecret(MASTER, 'sub1', sealed)).toBe('whsec_secret');
    expect(() => openSecret(MASTER, 'sub2', sealed)).toThrow(expect.objectContaining({ code: AppErrorCode.INTERNAL }));
    expect(() => openSecret(`${MASTER}x`, 'sub1', sealed)).toThrow();
  });
});

describe('webhook SSRF guard', () => {
  const rejected = expect.objectContaining({ code: AppErrorCode.WEBHOOK_URL_REJECTED });
  it.each([
    'http://example.com/hook',
    'ftp://example.com/hook',
    'https://user:pw@example.com/hook',
    'https://localhost/hook',
    'https://127.0.0.1/hook',
    'https://10.1.2.3/hook',
    'https://172.16.0.1/hook',
    'https://192.168.1.1/hook',
    'https://169.254.169.254/latest/meta-data',
    'https://100.64.0.1/hook',
    'https://0.0.0.0/hook',
    'https://[::1]/hook',
    'https://[fe80::1]/hook',
    'https://[fd00::1]/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'not a url',
  ])('rejects %s', (url) => {
    expect(() => checkWebhookUrl(url, false)).toThrow(rejected);
  });

  it('accepts public https URLs; with allowInsecure also http and loopback', () => {
    expect(checkWebhookUrl('https://hooks.example.com/signet', false).hostname).toBe('hooks.example.com');
    expect(checkWebhookUrl('https://93.184.216.34/x', false).hostname).toBe('93.184.216.34');
    expect(checkWebhookUrl('http://127.0.0.1:8080/x', true).port).toBe('8080');
    expect(isBlockedAddress('8.8.8.8')).toBe(false);
    expect(isBlockedAddress('::ffff:10.0.0.1')).toBe(true);
  });

  it('refuses, at connection time, a name that resolves to a loopback address', async () => {
    const error = await new Promise<unknown>((resolve) => {
      guardedLookup(false)('localhost', {}, (err) => resolve(err));
    });
    expect(error).toMatchObject({ code: AppErrorCode.WEBHOOK_URL_REJECTED });
  });
});

describe('webhook deliveries', () => {
  let test: TestDatabase;
  let deps: WebhookDeps;
  let started: string[];
  let ids: number;
  let receiver: http.Server;
  let receiverUrl: string;
  let answers: number[];
  let received: Array<{ headers: http.IncomingHttpHeaders; body: string }>;

  beforeAll(async () => {
    test = await openTestDatabase();
    await runMigrations(test.db);
    receiver = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.statusCode = answers.shift() ?? 200;
        response.end('x'.repeat(5000));
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    await new Promise((resolve) => receiver.close(resolve));
    await test.close();
  });
  beforeEach(async () => {
    await test.db.execute(
      'DELETE FROM webhook_attempts; DELETE FROM webhook_deliveries; DELETE FROM webhook_subscriptions; DELETE FROM envelope_read_model;',
    );
    started = [];
    ids = 0;
    answers = [];
    received = [];
    deps = {
      db: test.db,
      now: () => T0,
      newId: () => `id${++ids}`,
      masterSecret: MASTER,
      allowInsecure: true,
      startDelivery: async (id) => {
        started.push(id);
      },
    };
  });

  it('refuses an https-only violation at creation and stores nothing', async () => {
    const strict = { ...deps, allowInsecure: false };
    await expect(
      createWebhook(strict, sam, { url: 'http://example.com/', events: ['envelope.sent'] }),
    ).rejects.toMatchObject({ code: AppErrorCode.WEBHOOK_URL_REJECTED });
    expect(await test.db.query('SELECT id FROM webhook_subscriptions')).toEqual([]);
  });

  it('records one delivery per matching event and subscription, once, however often it is published', async () => {
    const mine = await createWebhook(deps, sam, { url: receiverUrl, events: ['envelope.sent', 'recipient.signed'] });
    expect(mine.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const adminHook = await createWebhook(deps, ada, { url: receiverUrl, events: ['envelope.sent'] });
    const foreign = await createWebhook(
      { ...deps },
      { ...sam, subject: 'o@example.com' },
      {
        url: receiverUrl,
        events: ['envelope.sent'],
      },
    );
    const events = [
      { index: 0, type: 'SENT' as const, at: new Date(T0).toISOString() },
      { index: 1, type: 'INVITED' as const, at: new Date(T0).toISOString(), recipientId: 'r1' },
    ];
    const first = await recordEnvelopeEvents(deps, publication(1, events), { warningMs: 0 });
    expect(first.deliveries).toBe(2); // Sam's (own envelope) and the admin's; not the other sender's
    await recordEnvelopeEvents(deps, publication(1, events), { warningMs: 0 });
    const rows = await test.db.query<{ subscription_id: string; event_id: string }>(
      'SELECT subscription_id, event_id FROM webhook_deliveries ORDER BY subscription_id',
    );
    expect(rows.map((r) => r.subscription_id).sort()).toEqual([adminHook.id, mine.id].sort());
    expect(rows.every((r) => r.event_id === 'env1.0.envelope.sent')).toBe(true);
    expect(rows.some((r) => r.subscription_id === foreign.id)).toBe(false);
    // The retried publication restarts the same (pending) deliveries: their workflow ids reject duplicates.
    expect(started).toHaveLength(4);
    expect(new Set(started).size).toBe(2);
  });

  it('POSTs the signed event, logs each attempt, retries failures and stops after success', async () => {
    const hook = await createWebhook(deps, sam, { url: receiverUrl, events: ['envelope.sent'] });
    await recordEnvelopeEvents(deps, publication(1, [{ index: 0, type: 'SENT', at: new Date(T0).toISOString() }]), {
      warningMs: 0,
    });
    const deliveryId = started[0]!;
    answers = [500, 503];
    for (let i = 0; i < 2; i += 1) {
      await expect(attemptWebhookDelivery(deps, deliveryId)).rejects.toMatchObject({
        code: AppErrorCode.WEBHOOK_DELIVERY_FAILED,
      });
    }
    expect(await attemptWebhookDelivery(deps, deliveryId)).toEqual({ state: 'SUCCEEDED' });
    expect(await attemptWebhookDelivery(deps, deliveryId)).toEqual({ state: 'SUCCEEDED' }); // not sent again
    expect(received).toHaveLength(3);
    const last = received[2]!;
    expect(verify(hook.secret, String(last.headers['signet-signature']), last.body)).toBe(true);
    expect(
      verify(hook.secret, String(last.headers['signet-signature']), last.body.replace('PENDING', 'COMPLETED')),
    ).toBe(false);
    expect(last.headers['signet-event-id']).toBe('env1.0.envelope.sent');
    expect(last.headers['signet-event-type']).toBe('envelope.sent');
    expect(last.headers['user-agent']).toBe('Signet-Webhooks/1');
    expect(JSON.parse(last.body)).toEqual({
      id: 'env1.0.envelope.sent',
      type: 'envelope.sent',
      occurredAt: new Date(T0).toISOString(),
      envelopeId: 'env1',
      status: 'PENDING',
      progress: { done: 0, required: 1 },
    });
    const log = await listWebhookDeliveries(deps, sam, hook.id, { pageSize: 10 });
    expect(log.items[0]).toMatchObject({ state: 'SUCCEEDED', eventType: 'envelope.sent' });
    expect(log.items[0]?.attempts.map((a) => a.statusCode)).toEqual([500, 503, 200]);
    expect(log.items[0]?.attempts[0]?.responseExcerpt).toHaveLength(1024);
    // Someone else's subscription id answers as if it did not exist.
    await expect(getWebhook(deps, { ...sam, subject: 'o@example.com' }, hook.id)).rejects.toMatchObject({
      code: AppErrorCode.WEBHOOK_NOT_FOUND,
    });
  });

  it('signs with the rotated secret; gives up as FAILED and flags the envelope', async () => {
    const hook = await createWebhook(deps, sam, { url: receiverUrl, events: ['envelope.sent'] });
    await recordEnvelopeEvents(deps, publication(1, [{ index: 0, type: 'SENT', at: new Date(T0).toISOString() }]), {
      warningMs: 0,
    });
    const rotated = await rotateWebhookSecret(deps, sam, hook.id);
    answers = [500];
    await expect(attemptWebhookDelivery(deps, started[0]!)).rejects.toMatchObject({
      code: AppErrorCode.WEBHOOK_DELIVERY_FAILED,
    });
    const sent = received[0]!;
    expect(verify(rotated.secret, String(sent.headers['signet-signature']), sent.body)).toBe(true);
    expect(verify(hook.secret, String(sent.headers['signet-signature']), sent.body)).toBe(false);
    expect(await giveUpWebhookDelivery(deps, started[0]!)).toEqual({ state: 'FAILED' });
    const [row] = await test.db.query<{ delivery_failed: boolean }>(
      `SELECT delivery_failed FROM envelope_read_model WHERE envelope_id = 'env1'`,
    );
    expect(row?.delivery_failed).toBe(true);
  });
});
