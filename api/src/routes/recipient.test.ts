import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { AppErrorCode } from '@signet/shared';
import { makeEnvelopeView } from '../test-support/envelope-view';
import { createFakeLibrary } from '../test-support/fake-library';
import type { FakeCall } from '../test-support/fake-temporal';
import { createFakeTemporal } from '../test-support/fake-temporal';
import { makePdf } from '../test-support/pdf-fixtures';
import { createTestApp, linkToken } from '../test-support/test-app';
import { attachmentDisposition } from './content-disposition';

const TOKEN = linkToken();
const CREDENTIAL = { recipientId: 'r-alice', recipientKey: 'key-0123456789abcdef', authMethod: 'LINK' };

async function setup(view = makeEnvelopeView(), update: (call: FakeCall) => Promise<unknown> = async () => view) {
  const temporal = createFakeTemporal({ query: async () => view, update });
  const library = createFakeLibrary({ 'contracts/nda.pdf': await makePdf() });
  return { ...createTestApp({ temporal, library }), temporal, library };
}

describe('GET /api/v1/recipient/:token', () => {
  it("shows the recipient's own view without other addresses or the audit trail, and records the view", async () => {
    const { app, temporal } = await setup();
    const response = await app.inject({ method: 'GET', url: `/api/v1/recipient/${TOKEN}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json();
    expect(body).toMatchObject({
      subject: 'NDA for Project X',
      sender: { name: 'Sam Sender' },
      documents: [{ index: 0, name: 'nda.pdf' }],
      expiresAt: '2030-01-15T00:00:00.000Z',
      status: 'PENDING',
      you: { id: 'r-alice', email: 'alice@example.com', role: 'SIGNER', status: 'PENDING' },
      turn: {
        currentRoutingOrder: 1,
        yours: true,
        groups: [
          { routingOrder: 1, state: 'CURRENT', acted: 0, required: 1 },
          { routingOrder: 2, state: 'UPCOMING', acted: 0, required: 1 },
        ],
      },
      actions: ['sign', 'decline', 'delegate'],
    });
    expect(response.body).not.toContain('bob@example.com');
    expect(response.body).not.toContain('sender@example.com');
    expect(body.audit).toBeUndefined();
    expect(temporal.signals).toEqual([
      { workflowId: 'envelope-env-123456', name: 'recipientViewed', input: CREDENTIAL },
    ]);
  });

  it('records a view only once', async () => {
    const view = makeEnvelopeView();
    view.recipients[0]!.viewedAt = '2030-01-01T01:00:00.000Z';
    const { app, temporal } = await setup(view);
    await app.inject({ method: 'GET', url: `/api/v1/recipient/${TOKEN}` });
    expect(temporal.signals).toHaveLength(0);
  });

  it('refuses a forged token', async () => {
    const { app, temporal } = await setup();
    const forged = `${TOKEN.slice(0, -2)}xx`;
    const response = await app.inject({ method: 'GET', url: `/api/v1/recipient/${forged}` });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: AppErrorCode.INVALID_TOKEN } });
    expect(temporal.queries).toHaveLength(0);
  });

  it('refuses the link of a recipient who is no longer in the envelope', async () => {
    const { app } = await setup();
    const response = await app.inject({ method: 'GET', url: `/api/v1/recipient/${linkToken('env-123456', 'r-gone')}` });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: AppErrorCode.UNKNOWN_RECIPIENT } });
  });
});

describe('GET /api/v1/recipient/:token/documents/:index', () => {
  it('sends the original PDF as an attachment', async () => {
    const { app, library } = await setup();
    const response = await app.inject({ method: 'GET', url: `/api/v1/recipient/${TOKEN}/documents/0` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="nda.pdf"; filename*=UTF-8''nda.pdf`);
    expect(response.rawPayload).toEqual(library.files.get('contracts/nda.pdf'));
  });

  it('serves single byte ranges (206, 416) and inline on request, for progressive loading', async () => {
    const { app, library } = await setup();
    const bytes = library.files.get('contracts/nda.pdf')!;
    const url = `/api/v1/recipient/${TOKEN}/documents/0`;
    const first = await app.inject({ method: 'GET', url, headers: { range: 'bytes=0-99' } });
    expect(first.statusCode).toBe(206);
    expect(first.headers['accept-ranges']).toBe('bytes');
    expect(first.headers['content-range']).toBe(`bytes 0-99/${bytes.length}`);
    expect(first.rawPayload).toEqual(bytes.subarray(0, 100));
    const tail = await app.inject({ method: 'GET', url, headers: { range: 'bytes=-10' } });
    expect(tail.rawPayload).toEqual(bytes.subarray(bytes.length - 10));
    const open = await app.inject({ method: 'GET', url, headers: { range: `bytes=${bytes.length - 5}-` } });
    expect(open.headers['content-range']).toBe(`bytes ${bytes.length - 5}-${bytes.length - 1}/${bytes.length}`);
    const outside = await app.inject({ method: 'GET', url, headers: { range: `bytes=${bytes.length}-` } });
    expect(outside.statusCode).toBe(416);
    expect(outside.headers['content-range']).toBe(`bytes */${bytes.length}`);
    const several = await app.inject({ method: 'GET', url, headers: { range: 'bytes=0-1,5-6' } });
    expect(several.statusCode).toBe(200);
    const inline = await app.inject({ method: 'GET', url: `${url}?disposition=inline` });
    expect(inline.headers['content-disposition']).toBe(`inline; filename="nda.pdf"; filename*=UTF-8''nda.pdf`);
  });

  it.each(['1', 'x', '-1'])('answers DOCUMENT_NOT_FOUND for index %s', async (index) => {
    const { app } = await setup();
    const response = await app.inject({ method: 'GET', url: `/api/v1/recipient/${TOKEN}/documents/${index}` });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: AppErrorCode.DOCUMENT_NOT_FOUND } });
  });
});

describe('recipient actions', () => {
  it('signs with the link credential', async () => {
    const { app, temporal } = await setup();
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/recipient/${TOKEN}/sign`,
      payload: { signatureText: 'Alice A.', consent: true },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      you: { id: 'r-alice' },
      authentication: { required: 'LINK', method: 'LINK' },
      locale: 'en',
    });
    expect(temporal.updates).toEqual([
      {
        workflowId: 'envelope-env-123456',
        name: 'signEnvelope',
        input: { ...CREDENTIAL, signatureText: 'Alice A.', signatureKind: 'TYPED' },
      },
    ]);
  });

  it('approves without a body', async () => {
    const { app, temporal } = await setup();
    await app.inject({ method: 'POST', url: `/api/v1/recipient/${TOKEN}/approve` });
    expect(temporal.updates[0]).toMatchObject({ name: 'approveEnvelope', input: CREDENTIAL });
  });

  it('declines only with a reason', async () => {
    const { app, temporal } = await setup();
    const refused = await app.inject({ method: 'POST', url: `/api/v1/recipient/${TOKEN}/decline`, payload: {} });
    expect(refused.json()).toMatchObject({ error: { code: AppErrorCode.REASON_REQUIRED } });
    await app.inject({ method: 'POST', url: `/api/v1/recipient/${TOKEN}/decline`, payload: { reason: 'Wrong terms' } });
    expect(temporal.updates).toEqual([
      expect.objectContaining({ name: 'declineEnvelope', input: { ...CREDENTIAL, reason: 'Wrong terms' } }),
    ]);
  });

  it('delegates to a new slot minted by the API', async () => {
    const { app, temporal } = await setup();
    await app.inject({
      method: 'POST',
      url: `/api/v1/recipient/${TOKEN}/delegate`,
      payload: { email: 'erin@example.com', name: 'Erin' },
    });
    expect(temporal.updates[0]).toMatchObject({
      name: 'delegateEnvelope',
      input: {
        ...CREDENTIAL,
        to: { id: 'test-id-00000001', key: 'test-id-00000002', email: 'erin@example.com', name: 'Erin' },
      },
    });
  });

  it("answers with the workflow's rejection", async () => {
    const failure = ApplicationFailure.create({
      type: AppErrorCode.NOT_YOUR_TURN,
      message: 'wait',
      nonRetryable: true,
    });
    const { app } = await setup(undefined, async () =>
      Promise.reject(new WorkflowUpdateFailedError('rejected', failure)),
    );
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/recipient/${TOKEN}/sign`,
      payload: { signatureText: 'Alice', consent: true },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: { code: AppErrorCode.NOT_YOUR_TURN } });
  });
});

describe('attachmentDisposition', () => {
  it('keeps the exact name in filename* and a safe ASCII name in filename', () => {
    expect(attachmentDisposition('Sopimus "äö"/../x.PDF')).toBe(`attachment; filename="x.pdf"; filename*=UTF-8''x.pdf`);
    expect(attachmentDisposition('Sopimus äö.pdf')).toBe(
      `attachment; filename="Sopimus __.pdf"; filename*=UTF-8''Sopimus%20%C3%A4%C3%B6.pdf`,
    );
    expect(attachmentDisposition('..')).toBe(`attachment; filename="document.pdf"; filename*=UTF-8''document.pdf`);
  });
});
