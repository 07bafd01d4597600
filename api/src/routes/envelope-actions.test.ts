import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { AppErrorCode } from '@signet/shared';
import { makeEnvelopeView } from '../test-support/envelope-view';
import type { FakeCall } from '../test-support/fake-temporal';
import { createFakeTemporal, notFound } from '../test-support/fake-temporal';
import { AUTH, createTestApp } from '../test-support/test-app';

const ACTOR = { ...AUTH, 'x-signet-actor-email': 'admin@example.com', 'x-signet-actor-name': 'Ada Admin' };
const URL = '/api/v1/envelopes/env-123456';

function setup(update: (call: FakeCall) => Promise<unknown> = async () => makeEnvelopeView()) {
  const temporal = createFakeTemporal({
    query: async (id) => (id.startsWith('envelope-') ? makeEnvelopeView() : Promise.reject(notFound(id))),
    update,
  });
  return { ...createTestApp({ temporal }), temporal };
}

describe('sender actions', () => {
  it('cancels with the actor from the headers', async () => {
    const { app, temporal } = setup();
    const response = await app.inject({
      method: 'POST',
      url: `${URL}/cancel`,
      headers: ACTOR,
      payload: { reason: 'Wrong version' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ envelopeId: 'env-123456' });
    expect(temporal.updates).toEqual([
      {
        workflowId: 'envelope-env-123456',
        name: 'cancelEnvelope',
        input: {
          actor: { email: 'admin@example.com', name: 'Ada Admin', authMethod: 'API_TOKEN' },
          reason: 'Wrong version',
        },
      },
    ]);
  });

  it("falls back to the envelope's sender as the actor", async () => {
    const { app, temporal } = setup();
    await app.inject({ method: 'POST', url: `${URL}/remind`, headers: AUTH, payload: { recipientIds: ['r-alice'] } });
    expect(temporal.updates[0]?.input).toEqual({
      actor: { email: 'sender@example.com', name: 'Sam Sender', authMethod: 'API_TOKEN' },
      recipientIds: ['r-alice'],
    });
  });

  it('refuses a cancel without a reason before calling Temporal', async () => {
    const { app, temporal } = setup();
    const response = await app.inject({
      method: 'POST',
      url: `${URL}/cancel`,
      headers: ACTOR,
      payload: { reason: '  ' },
    });
    expect(response.json()).toMatchObject({ error: { code: AppErrorCode.REASON_REQUIRED } });
    expect(temporal.updates).toHaveLength(0);
  });

  it('refuses a bad actor address', async () => {
    const { app } = setup();
    const headers = { ...AUTH, 'x-signet-actor-email': 'nobody' };
    const response = await app.inject({ method: 'POST', url: `${URL}/remind`, headers });
    expect(response.json()).toMatchObject({ error: { code: AppErrorCode.INVALID_EMAIL } });
  });

  it('extends by a duration from the current deadline', async () => {
    const { app, temporal } = setup();
    await app.inject({ method: 'POST', url: `${URL}/extend`, headers: AUTH, payload: { extendBy: '7d' } });
    expect(temporal.updates[0]).toMatchObject({
      name: 'extendDeadline',
      input: { expiresAt: '2030-01-22T00:00:00.000Z' },
    });
  });

  it('extends to a given deadline', async () => {
    const { app, temporal } = setup();
    await app.inject({
      method: 'POST',
      url: `${URL}/extend`,
      headers: ACTOR,
      payload: { expiresAt: '2030-03-01T12:00:00+01:00' },
    });
    expect(temporal.updates[0]?.input).toMatchObject({ expiresAt: '2030-03-01T11:00:00.000Z' });
  });

  it.each<[Record<string, unknown>, string]>([
    [{ expiresAt: '2029-06-01T00:00:00Z' }, AppErrorCode.DEADLINE_IN_PAST],
    [{ extendBy: 'a week' }, AppErrorCode.INVALID_DURATION],
    [{}, AppErrorCode.VALIDATION_FAILED],
  ])('refuses the extension %j', async (payload, code) => {
    const { app, temporal } = setup();
    const response = await app.inject({ method: 'POST', url: `${URL}/extend`, headers: ACTOR, payload });
    expect(response.json()).toMatchObject({ error: { code } });
    expect(temporal.updates).toHaveLength(0);
  });

  it('adds a recipient with a minted id and link key', async () => {
    const { app, temporal } = setup();
    const payload = { email: 'carol@example.com', name: 'Carol', role: 'APPROVER', routingOrder: 3 };
    await app.inject({ method: 'POST', url: `${URL}/recipients`, headers: ACTOR, payload });
    expect(temporal.updates[0]).toMatchObject({
      name: 'addRecipient',
      input: {
        recipient: {
          id: 'test-id-00000001',
          key: 'test-id-00000002',
          email: 'carol@example.com',
          name: 'Carol',
          role: 'APPROVER',
          routingOrder: 3,
        },
      },
    });
  });

  it('refuses to add a recipient with a bad address', async () => {
    const { app, temporal } = setup();
    const response = await app.inject({
      method: 'POST',
      url: `${URL}/recipients`,
      headers: ACTOR,
      payload: { email: 'carol', routingOrder: 1 },
    });
    expect(response.json()).toMatchObject({ error: { code: AppErrorCode.INVALID_EMAIL } });
    expect(temporal.updates).toHaveLength(0);
  });

  it('replaces and removes recipients', async () => {
    const { app, temporal } = setup();
    await app.inject({
      method: 'PUT',
      url: `${URL}/recipients/r-bob`,
      headers: ACTOR,
      payload: { email: 'dan@example.com' },
    });
    await app.inject({ method: 'DELETE', url: `${URL}/recipients/r-alice`, headers: ACTOR });
    expect(temporal.updates.map((u) => [u.name, u.input])).toEqual([
      [
        'replaceRecipient',
        expect.objectContaining({
          recipientId: 'r-bob',
          replacement: {
            id: 'test-id-00000001',
            key: 'test-id-00000002',
            email: 'dan@example.com',
            name: 'dan@example.com',
          },
        }),
      ],
      ['removeRecipient', expect.objectContaining({ recipientId: 'r-alice' })],
    ]);
  });

  it("answers with the workflow's own rejection code", async () => {
    const failure = ApplicationFailure.create({
      type: AppErrorCode.LAST_ACTING_RECIPIENT,
      message: 'last one',
      nonRetryable: true,
    });
    const { app } = setup(async () => Promise.reject(new WorkflowUpdateFailedError('rejected', failure)));
    const response = await app.inject({ method: 'DELETE', url: `${URL}/recipients/r-alice`, headers: ACTOR });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({ error: { code: AppErrorCode.LAST_ACTING_RECIPIENT, message: 'last one' } });
  });

  it('answers an update to a closed envelope with its ended code', async () => {
    const temporal = createFakeTemporal({
      query: async () => makeEnvelopeView({ status: 'COMPLETED' }),
      update: async (call) => Promise.reject(notFound(call.workflowId)),
    });
    const { app } = createTestApp({ temporal });
    const response = await app.inject({
      method: 'POST',
      url: `${URL}/cancel`,
      headers: ACTOR,
      payload: { reason: 'late' },
    });
    expect(response.json()).toMatchObject({ error: { code: AppErrorCode.ENVELOPE_COMPLETED } });
  });
});

describe('legal hold', () => {
  it('goes to the retention workflow when it exists', async () => {
    const { app, temporal } = setup(async () => ({ legalHold: true }));
    const response = await app.inject({
      method: 'POST',
      url: `${URL}/legal-hold`,
      headers: ACTOR,
      payload: { hold: true, reason: 'litigation' },
    });
    expect(response.json()).toEqual({ envelopeId: 'env-123456', legalHold: true });
    expect(temporal.updates.map((u) => u.workflowId)).toEqual(['retention-env-123456']);
    expect(temporal.updates[0]?.input).toMatchObject({ hold: true, reason: 'litigation' });
  });

  it('goes to the envelope workflow while there is no retention workflow', async () => {
    const { app, temporal } = setup(async (call) =>
      call.workflowId.startsWith('retention-') ? Promise.reject(notFound(call.workflowId)) : { legalHold: false },
    );
    const response = await app.inject({
      method: 'POST',
      url: `${URL}/legal-hold`,
      headers: ACTOR,
      payload: { hold: false },
    });
    expect(response.json()).toEqual({ envelopeId: 'env-123456', legalHold: false });
    expect(temporal.updates.map((u) => u.workflowId)).toEqual(['retention-env-123456', 'envelope-env-123456']);
  });
});
