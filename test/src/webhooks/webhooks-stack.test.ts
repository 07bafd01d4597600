import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TEnvelopeList, TWebhookDeliveryList, TWebhookEvent, TWebhookWithSecret } from '@signet/shared';
import { eventually } from '../support/eventually';
import { linkTokenOf } from '../support/mail-server';
import type { CapturedMail } from '../support/mail-server';
import { makePdf } from '../support/pdf-fixtures';
import { startStack } from '../support/stack';
import type { Stack } from '../support/stack';

// The read model and webhooks on the real stack: Temporal dev server, worker (publishEnvelopeEvents,
// deliverWebhook activities), API with its PGlite database, MailDev, and local HTTP receivers.

type Received = { headers: http.IncomingHttpHeaders; body: string };
type Receiver = { url: string; received: Received[]; close: () => Promise<void> };

/** A webhook receiver on loopback answering each request with the next status of `statuses` (then the last). */
async function startReceiver(statuses: number[]): Promise<Receiver> {
  const received: Received[] = [];
  let calls = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.statusCode = statuses[Math.min(calls, statuses.length - 1)] ?? 200;
      calls += 1;
      response.end(response.statusCode < 300 ? 'ok' : 'try again');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/signet`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A subscriber's check: HMAC-SHA256 over "<t>.<raw body>" with the secret, compared in constant time. */
function hasValidSignature(secret: string, message: Received): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(message.headers['signet-signature']));
  if (!match) return false;
  const age = Math.abs(Date.now() / 1000 - Number(match[1]));
  const expected = createHmac('sha256', secret).update(`${match[1]}.${message.body}`).digest();
  return age < 300 && timingSafeEqual(expected, Buffer.from(match[2] ?? '', 'hex'));
}

let stack: Stack;
let good: Receiver;
let flaky: Receiver;
let down: Receiver;

beforeAll(async () => {
  stack = await startStack({
    SIGNET_WEBHOOK_ALLOW_INSECURE: 'true',
    SIGNET_WEBHOOK_RETRY_INITIAL: '1s',
    SIGNET_WEBHOOK_RETRY_FOR: '2m',
    SIGNET_WEBHOOK_MAX_ATTEMPTS: '3',
  });
  good = await startReceiver([200]);
  flaky = await startReceiver([500, 503, 204]);
  down = await startReceiver([500]);
});

afterAll(async () => {
  await stack?.stop();
  await Promise.all([good, flaky, down].map((receiver) => receiver?.close()));
});

async function subscribe(url: string, events: string[]): Promise<TWebhookWithSecret> {
  const response = await stack.api('/api/v1/webhooks', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url, events, description: 'stack test' }),
  });
  expect(response.status).toBe(201);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return (await response.json()) as TWebhookWithSecret;
}

async function deliveriesOf(id: string): Promise<TWebhookDeliveryList> {
  const response = await stack.api(`/api/v1/webhooks/${id}/deliveries`);
  expect(response.status).toBe(200);
  return (await response.json()) as TWebhookDeliveryList;
}

async function list(query: string): Promise<TEnvelopeList> {
  const response = await stack.api(`/api/v1/envelopes?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as TEnvelopeList;
}

async function sendAndSign(): Promise<string> {
  const form = new FormData();
  form.append(
    'envelope',
    JSON.stringify({
      subject: 'Webhook lease 2030',
      sender: { email: 'sam@example.com', name: 'Sam Sender' },
      recipients: [{ email: 'zelda.quist@example.com', name: 'Zelda Quist' }],
      expiresIn: '14d',
    }),
  );
  form.append('file', new Blob([new Uint8Array(await makePdf(1))], { type: 'application/pdf' }), 'lease.pdf');
  const created = await stack.api('/api/v1/envelopes/upload', { method: 'POST', body: form });
  expect(created.status).toBe(201);
  const { envelopeId } = (await created.json()) as { envelopeId: string };
  const [invite] = await stack.mail.waitFor((mail: CapturedMail) =>
    mail.to.some((t) => t.address === 'zelda.quist@example.com'),
  );
  const token = linkTokenOf(invite!);
  expect((await fetch(`${stack.apiUrl}/api/v1/recipient/${token}`)).status).toBe(200);
  const signed = await fetch(`${stack.apiUrl}/api/v1/recipient/${token}/sign`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ signatureText: 'Zelda Quist', consent: true }),
  });
  expect(signed.status).toBe(200);
  return envelopeId;
}

describe('read model and webhooks (real stack)', () => {
  it('lists the envelope from the read model and delivers signed lifecycle events with retries', async () => {
    const all = await subscribe(good.url, [
      'envelope.sent',
      'recipient.viewed',
      'recipient.signed',
      'envelope.completed',
    ]);
    const retried = await subscribe(flaky.url, ['envelope.sent']);
    const failing = await subscribe(down.url, ['envelope.sent']);
    const envelopeId = await sendAndSign();

    // (a) The list answer comes from the read model: status, progress, signed copy, found by a recipient's name.
    await eventually(async () => {
      const { items } = await list('q=zelda%20QU');
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        envelopeId,
        status: 'COMPLETED',
        subject: 'Webhook lease 2030',
        progress: { done: 1, required: 1 },
        signedCopy: true,
        sender: { email: 'sam@example.com', name: 'Sam Sender' },
        documentNames: ['lease.pdf'],
      });
    }, 60_000);
    expect((await list('q=nobody-here')).items).toEqual([]);
    expect((await list('status=PENDING')).items.map((i) => i.envelopeId)).not.toContain(envelopeId);

    // (b) Every lifecycle event reaches the receiver once (each in its own delivery, so in any order), signed
    // with the subscription's secret.
    await eventually(() => {
      const types = good.received.map((m) => (JSON.parse(m.body) as TWebhookEvent).type).sort();
      expect(types).toEqual(['envelope.completed', 'envelope.sent', 'recipient.signed', 'recipient.viewed']);
    }, 30_000);
    for (const message of good.received) {
      expect(hasValidSignature(all.secret, message)).toBe(true);
      expect(hasValidSignature(all.secret, { ...message, body: message.body.replace('"', ' "') })).toBe(false);
      const event = JSON.parse(message.body) as TWebhookEvent;
      expect(message.headers['signet-event-id']).toBe(event.id);
      expect(message.headers['signet-event-type']).toBe(event.type);
      expect(message.headers['user-agent']).toBe('Signet-Webhooks/1');
      expect(event.envelopeId).toBe(envelopeId);
      // ids, status and progress only: no names, addresses or content
      expect(message.body).not.toMatch(/Zelda|example\.com|lease/i);
    }

    // (c) A receiver failing twice then answering: three attempts logged, SUCCEEDED.
    await eventually(async () => {
      const [delivery] = (await deliveriesOf(retried.id)).items;
      expect(delivery).toMatchObject({ state: 'SUCCEEDED', eventType: 'envelope.sent', envelopeId });
      expect(delivery?.attempts.map((a) => a.statusCode)).toEqual([500, 503, 204]);
    }, 30_000);
    // A receiver that always fails: FAILED after the configured three attempts, and the envelope needs attention.
    await eventually(async () => {
      const [delivery] = (await deliveriesOf(failing.id)).items;
      expect(delivery).toMatchObject({ state: 'FAILED' });
      expect(delivery?.attempts).toHaveLength(3);
      expect(delivery?.attempts[0]).toMatchObject({ statusCode: 500, responseExcerpt: 'try again' });
    }, 30_000);
    expect(down.received).toHaveLength(3);
    await eventually(async () => {
      expect((await list('view=needs-attention')).items.map((i) => i.envelopeId)).toContain(envelopeId);
    });
  });

  it('sends a signed ping on request; a deleted subscription is gone; a bad URL is refused with its code', async () => {
    const receiver = await startReceiver([200]);
    try {
      const hook = await subscribe(receiver.url, ['envelope.sent']);
      const ping = await stack.api(`/api/v1/webhooks/${hook.id}/test`, { method: 'POST' });
      expect(ping.status).toBe(202);
      await eventually(() => expect(receiver.received).toHaveLength(1), 30_000);
      expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ type: 'ping' });
      expect(hasValidSignature(hook.secret, receiver.received[0]!)).toBe(true);
      expect((await stack.api(`/api/v1/webhooks/${hook.id}`, { method: 'DELETE' })).status).toBe(204);
      expect((await stack.api(`/api/v1/webhooks/${hook.id}`)).status).toBe(404);
      const refused = await stack.api('/api/v1/webhooks', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url: 'ftp://example.com/x', events: ['envelope.sent'] }),
      });
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ error: { code: 'WEBHOOK_URL_REJECTED' } });
    } finally {
      await receiver.close();
    }
  });
});
