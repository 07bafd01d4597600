import { ServiceError } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { TEnvelopeWorkflowInput } from '@signet/shared';
import { AppErrorCode, ZEnvelopeWorkflowInputSchema } from '@signet/shared';
import { createFakeLibrary } from '../test-support/fake-library';
import { createFakeTemporal } from '../test-support/fake-temporal';
import { multipartBody } from '../test-support/multipart';
import { makePdf } from '../test-support/pdf-fixtures';
import { AUTH, createTestApp } from '../test-support/test-app';

const body = (overrides: Record<string, unknown> = {}) => ({
  subject: 'NDA for Project X',
  sender: { email: 'sam@example.com', name: 'Sam Sender' },
  documents: [{ libraryPath: 'contracts/nda.pdf' }],
  recipients: [
    { email: 'alice@example.com', name: 'Alice' },
    { email: 'bob@example.com', role: 'APPROVER' },
  ],
  ...overrides,
});

async function setup(env: Record<string, string> = {}) {
  const library = createFakeLibrary({
    'contracts/nda.pdf': await makePdf(),
    'notes/readme.pdf': Buffer.from('just text'),
  });
  return createTestApp({ library, env });
}

const post = (t: Awaited<ReturnType<typeof setup>>, payload: unknown) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/envelopes',
    headers: AUTH,
    payload: payload as Record<string, unknown>,
  });

describe('POST /api/v1/envelopes', () => {
  it('starts the envelope workflow by type name with ids, search attributes and FAIL on conflict', async () => {
    const t = await setup();
    const response = await post(t, body());
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({
      envelopeId: 'test-id-00000001',
      status: 'PENDING',
      links: {
        self: '/api/v1/envelopes/test-id-00000001',
        cancel: '/api/v1/envelopes/test-id-00000001/cancel',
        extend: '/api/v1/envelopes/test-id-00000001/extend',
        remind: '/api/v1/envelopes/test-id-00000001/remind',
        recipients: '/api/v1/envelopes/test-id-00000001/recipients',
      },
    });
    const [start] = t.temporal.starts;
    expect(start?.workflowType).toBe('envelopeWorkflow');
    expect(start?.options).toMatchObject({
      workflowId: 'envelope-test-id-00000001',
      taskQueue: 'signet-envelopes',
      workflowIdConflictPolicy: 'FAIL',
    });
    const attributes = (start?.options.typedSearchAttributes as Array<{ key: { name: string }; value: unknown }>).map(
      (a) => [a.key.name, a.value],
    );
    expect(Object.fromEntries(attributes)).toEqual({
      EnvelopeStatus: 'PENDING',
      SenderId: expect.stringMatching(/^u_[0-9a-f]{24}$/),
      SourceLibrary: 'fake-library',
      ExpiresAt: new Date('2030-01-15T00:00:00.000Z'),
      ActedCount: 0,
      RequiredCount: 2,
    });
    const input = ZEnvelopeWorkflowInputSchema.parse((start?.options.args as unknown[])[0]);
    expect(input.documents).toEqual([
      {
        documentId: 'test-id-00000002',
        name: 'nda.pdf',
        ref: { library: 'local', path: 'contracts/nda.pdf' },
        originalSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
    expect(input.recipients.map((r) => [r.email, r.role, r.routingOrder])).toEqual([
      ['alice@example.com', 'SIGNER', 1],
      ['bob@example.com', 'APPROVER', 2],
    ]);
  });

  it.each<[string, Record<string, unknown>, number, string]>([
    ['a schema violation', { subject: '' }, 400, AppErrorCode.VALIDATION_FAILED],
    ['an unknown field', { colour: 'red' }, 400, AppErrorCode.VALIDATION_FAILED],
    ['no recipients', { recipients: [] }, 400, AppErrorCode.NO_RECIPIENTS],
    ['only copies', { recipients: [{ email: 'a@example.com', role: 'CC' }] }, 400, AppErrorCode.NO_ACTING_RECIPIENT],
    [
      'a duplicate recipient',
      { recipients: [{ email: 'a@example.com' }, { email: 'A@example.com' }] },
      400,
      AppErrorCode.DUPLICATE_RECIPIENT,
    ],
    ['a past deadline', { expiresAt: '2020-01-01T00:00:00Z' }, 400, AppErrorCode.DEADLINE_IN_PAST],
    ['a bad duration', { expiresIn: 'soon' }, 400, AppErrorCode.INVALID_DURATION],
    ['no documents', { documents: [] }, 400, AppErrorCode.VALIDATION_FAILED],
    [
      'a missing document',
      { documents: [{ libraryPath: 'contracts/missing.pdf' }] },
      404,
      AppErrorCode.DOCUMENT_NOT_FOUND,
    ],
    [
      'a path outside the library',
      { documents: [{ libraryPath: '../etc/passwd' }] },
      400,
      AppErrorCode.INVALID_DOCUMENT_PATH,
    ],
    ['a text file named .pdf', { documents: [{ libraryPath: 'notes/readme.pdf' }] }, 415, AppErrorCode.NOT_A_PDF],
  ])('refuses %s before starting anything', async (_label, overrides, status, code) => {
    const t = await setup();
    const response = await post(t, body(overrides));
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ error: { code } });
    expect(t.temporal.starts).toHaveLength(0);
  });

  it('refuses a library document over the size limit', async () => {
    const t = await setup({ SIGNET_MAX_UPLOAD_MB: '0.0001' });
    const response = await post(t, body());
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: AppErrorCode.DOCUMENT_TOO_LARGE } });
  });

  it('answers malformed JSON with VALIDATION_FAILED', async () => {
    const t = await setup();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/envelopes',
      headers: { ...AUTH, 'content-type': 'application/json' },
      payload: '{"subject":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: AppErrorCode.VALIDATION_FAILED } });
  });

  it('answers a re-used envelope id with ENVELOPE_EXISTS', async () => {
    const temporal = createFakeTemporal({
      start: async () =>
        Promise.reject(new WorkflowExecutionAlreadyStartedError('exists', 'envelope-my-envelope', 'envelopeWorkflow')),
    });
    const t = createTestApp({ temporal, library: createFakeLibrary({ 'contracts/nda.pdf': await makePdf() }) });
    const response = await post(t, body({ envelopeId: 'my-envelope' }));
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: { code: AppErrorCode.ENVELOPE_EXISTS } });
  });
});

describe('POST /api/v1/envelopes/upload', () => {
  const envelopeJson = JSON.stringify(body({ documents: undefined }));

  it('checks, saves and sends uploaded PDFs', async () => {
    const t = await setup();
    const pdf = await makePdf(2);
    const form = await multipartBody({ envelope: envelopeJson }, [
      { fileName: 'Offer letter.pdf', bytes: pdf },
      { fileName: 'terms.pdf', bytes: pdf },
    ]);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/envelopes/upload',
      headers: { ...AUTH, ...form.headers },
      payload: form.payload,
    });
    expect(response.statusCode).toBe(201);
    expect(t.library.files.get('uploads/Offer letter.pdf')).toEqual(pdf);
    const input = (t.temporal.starts[0]?.options.args as TEnvelopeWorkflowInput[])[0];
    expect(input?.documents.map((d) => d.ref.path)).toEqual(['uploads/Offer letter.pdf', 'uploads/terms.pdf']);
  });

  it.each<[string, Buffer | 'big', number, string]>([
    ['a text file named .pdf', Buffer.from('hello'), 415, AppErrorCode.NOT_A_PDF],
    ['an empty file', Buffer.alloc(0), 422, AppErrorCode.INVALID_DOCUMENT],
    ['a file over the limit', 'big', 413, AppErrorCode.DOCUMENT_TOO_LARGE],
  ])('refuses %s and saves nothing', async (_label, bytes, status, code) => {
    const t = await setup({ SIGNET_MAX_UPLOAD_MB: '0.002' });
    // Valid PDF bytes followed by padding: only the size is wrong.
    const file = bytes === 'big' ? Buffer.concat([await makePdf(), Buffer.alloc(4000, 0x20)]) : bytes;
    const form = await multipartBody({ envelope: envelopeJson }, [{ fileName: 'contract.pdf', bytes: file }]);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/envelopes/upload',
      headers: { ...AUTH, ...form.headers },
      payload: form.payload,
    });
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ error: { code } });
    expect([...t.library.files.keys()].filter((p) => p.startsWith('uploads/'))).toEqual([]);
    expect(t.temporal.starts).toHaveLength(0);
  });

  it('refuses an upload without the envelope field', async () => {
    const t = await setup();
    const form = await multipartBody({}, [{ fileName: 'a.pdf', bytes: await makePdf() }]);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/envelopes/upload',
      headers: { ...AUTH, ...form.headers },
      payload: form.payload,
    });
    expect(response.json()).toMatchObject({ error: { code: AppErrorCode.VALIDATION_FAILED } });
  });

  it('removes the saved uploads when the workflow cannot be started', async () => {
    const unavailable = Object.assign(new Error('connect ECONNREFUSED'), {
      code: 14,
      details: 'unavailable',
      metadata: {},
    });
    const temporal = createFakeTemporal({
      start: async () => Promise.reject(new ServiceError('Failed to start', { cause: unavailable })),
    });
    const t = createTestApp({ temporal });
    const form = await multipartBody({ envelope: envelopeJson }, [{ fileName: 'a.pdf', bytes: await makePdf() }]);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/envelopes/upload',
      headers: { ...AUTH, ...form.headers },
      payload: form.payload,
    });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ error: { code: AppErrorCode.ENGINE_UNAVAILABLE } });
    expect(t.library.removed).toEqual(['uploads/a.pdf']);
    expect(t.library.files.size).toBe(0);
  });
});
