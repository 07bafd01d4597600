import { encodeUnifiedSearchAttributes } from '@temporalio/common/lib/converter/payload-search-attributes';
import { msNumberToTs } from '@temporalio/common/lib/time';
import type { RetentionView } from '@signet/workflows';
import { ActedCountKey, EnvelopeStatusKey, ExpiresAtKey, NextReminderAtKey, RequiredCountKey } from '@signet/workflows';
import { AppErrorCode } from '@signet/shared';
import { senderIdOf } from '../build-envelope-input';
import { makeEnvelopeView } from '../test-support/envelope-view';
import { createFakeTemporal, notFound } from '../test-support/fake-temporal';
import { signPageToken } from '../temporal/page-token';
import { AUTH, createTestApp, LINK_SECRET } from '../test-support/test-app';

function execution(workflowId: string, status: string) {
  return {
    execution: { workflowId, runId: 'run-1' },
    startTime: msNumberToTs(Date.parse('2030-01-01T00:00:00Z')),
    searchAttributes: {
      indexedFields: encodeUnifiedSearchAttributes(undefined, [
        { key: EnvelopeStatusKey, value: status },
        { key: ExpiresAtKey, value: new Date('2030-01-15T00:00:00Z') },
        { key: NextReminderAtKey, value: new Date('2030-01-04T00:00:00Z') },
        { key: ActedCountKey, value: 1 },
        { key: RequiredCountKey, value: 2 },
      ]),
    },
  };
}

describe('GET /api/v1/envelopes', () => {
  it('lists from visibility with a filtered query and hands the page token on signed', async () => {
    const temporal = createFakeTemporal({
      list: async () => ({
        executions: [execution('envelope-env-1', 'PENDING'), execution('other-x', 'PENDING')],
        nextPageToken: Buffer.from([1, 2, 250]),
      }),
    });
    const { app } = createTestApp({ temporal });
    const query = `status=PENDING&senderEmail=Sam%40Example.com&expiringBefore=2030-02-01T00:00:00Z&pageSize=10&nextPageToken=${signPageToken(LINK_SECRET, Buffer.from([1, 2]))}`;
    const response = await app.inject({ method: 'GET', url: `/api/v1/envelopes?${query}`, headers: AUTH });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      items: [
        {
          envelopeId: 'env-1',
          status: 'PENDING',
          expiresAt: '2030-01-15T00:00:00.000Z',
          nextReminderAt: '2030-01-04T00:00:00.000Z',
          progress: { done: 1, required: 2 },
          startedAt: '2030-01-01T00:00:00.000Z',
        },
      ],
      nextPageToken: signPageToken(LINK_SECRET, Buffer.from([1, 2, 250])),
    });
    const [request] = temporal.lists;
    expect(request).toMatchObject({ namespace: 'default', pageSize: 10, nextPageToken: Buffer.from([1, 2]) });
    expect(request?.query).toBe(
      "WorkflowType = 'envelopeWorkflow' AND ExecutionStatus != 'ContinuedAsNew' AND EnvelopeStatus = 'PENDING'" +
        ` AND SenderId = '${senderIdOf('sam@example.com')}' AND ExpiresAt < '2030-02-01T00:00:00.000Z'`,
    );
  });

  it.each([
    'pageSize=101',
    'status=OPEN',
    'expiringBefore=tomorrow',
    'colour=red',
    'nextPageToken=AQI',
    `nextPageToken=${signPageToken('another-secret', Buffer.from([1, 2]))}`,
  ])('refuses %s', async (query) => {
    const { app, temporal } = createTestApp();
    const response = await app.inject({ method: 'GET', url: `/api/v1/envelopes?${query}`, headers: AUTH });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: AppErrorCode.VALIDATION_FAILED } });
    expect(temporal.lists).toHaveLength(0);
  });
});

describe('GET /api/v1/envelopes/:id', () => {
  it('answers a pending envelope from its status query alone', async () => {
    const view = makeEnvelopeView();
    const temporal = createFakeTemporal({ query: async () => view });
    const { app } = createTestApp({ temporal });
    const response = await app.inject({ method: 'GET', url: '/api/v1/envelopes/env-123456', headers: AUTH });
    expect(response.json()).toEqual(view);
    expect(temporal.queries).toEqual([{ workflowId: 'envelope-env-123456', name: 'envelopeStatus' }]);
  });

  it('merges the retention workflow into an ended envelope', async () => {
    const view = makeEnvelopeView({ status: 'COMPLETED', endedAt: '2030-01-03T00:00:00.000Z' });
    const retention: RetentionView = {
      envelopeId: 'env-123456',
      deleteAt: '2040-01-01T00:00:00.000Z',
      legalHold: true,
      warned: false,
      audit: [
        { at: '2030-01-05T00:00:00.000Z', type: 'LEGAL_HOLD_SET', actor: { kind: 'SENDER' }, authMethod: 'API_TOKEN' },
      ],
    };
    const temporal = createFakeTemporal({ query: async (id) => (id.startsWith('retention-') ? retention : view) });
    const { app } = createTestApp({ temporal });
    const body = (await app.inject({ method: 'GET', url: '/api/v1/envelopes/env-123456', headers: AUTH })).json<{
      retention: unknown;
      legalHold: boolean;
      audit: Array<{ type: string }>;
    }>();
    expect(body.retention).toEqual({ deleteAt: '2040-01-01T00:00:00.000Z' });
    expect(body.legalHold).toBe(true);
    expect(body.audit.map((e: { type: string }) => e.type)).toEqual(['SENT', 'LEGAL_HOLD_SET']);
  });

  it('answers an ended envelope without retention as it is', async () => {
    const view = makeEnvelopeView({ status: 'CANCELLED' });
    const temporal = createFakeTemporal({
      query: async (id) => (id.startsWith('retention-') ? Promise.reject(notFound(id)) : view),
    });
    const { app } = createTestApp({ temporal });
    expect((await app.inject({ method: 'GET', url: '/api/v1/envelopes/env-123456', headers: AUTH })).json()).toEqual(
      view,
    );
  });

  it.each(['env-unknown', 'bad!id'])('answers ENVELOPE_NOT_FOUND for %s', async (id) => {
    const { app } = createTestApp();
    const response = await app.inject({ method: 'GET', url: `/api/v1/envelopes/${id}`, headers: AUTH });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: AppErrorCode.ENVELOPE_NOT_FOUND } });
  });
});

describe('errors', () => {
  it('hides an unexpected fault behind INTERNAL and logs it', async () => {
    const temporal = createFakeTemporal({ query: async () => Promise.reject(new TypeError('secret detail')) });
    const { app, logs } = createTestApp({ temporal });
    const response = await app.inject({ method: 'GET', url: '/api/v1/envelopes/env-123456', headers: AUTH });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: { code: 'INTERNAL', message: 'Something went wrong.' } });
    expect(response.body).not.toContain('secret');
    expect(logs.join('\n')).toContain('secret detail');
  });

  it('answers an unknown route in the error format', async () => {
    const { app } = createTestApp();
    const response = await app.inject({ method: 'GET', url: '/api/v2/nothing' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: AppErrorCode.VALIDATION_FAILED } });
  });

  it('answers an oversized JSON body with PAYLOAD_TOO_LARGE', async () => {
    const { app } = createTestApp();
    const payload = JSON.stringify({ subject: 'x'.repeat(2 * 1024 * 1024) });
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/envelopes',
      headers: { ...AUTH, 'content-type': 'application/json' },
      payload,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: AppErrorCode.PAYLOAD_TOO_LARGE } });
  });
});
