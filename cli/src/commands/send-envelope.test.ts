import { main } from '../main';
import { createFakeRuntime, PDF } from '../test-support/fake-runtime';

const CREATED = {
  status: 201,
  body: { envelopeId: 'env-1', status: 'PENDING', links: { self: '/api/v1/envelopes/env-1' } },
};
const BASE = ['--subject', 'NDA', '--sender', 'sam@example.com'];

describe('signet send', () => {
  it('uploads local PDFs with the envelope JSON built from the options', async () => {
    const runtime = createFakeRuntime({ files: { 'docs/nda.pdf': PDF, 'terms.pdf': PDF }, answer: () => CREATED });
    const code = await main(
      [
        'send',
        'docs/nda.pdf',
        'terms.pdf',
        ...BASE,
        '--sender-name',
        'Sam',
        '--to',
        'alice@example.com',
        '--name',
        'Alice',
        '--to',
        'bob@example.com',
        '--approver',
        'carol@example.com',
        '--cc',
        'dan@example.com',
        '--message',
        'Please sign',
        '--expires',
        '7d',
        '--warn-before',
        '1d',
        '--remind-every',
        '1d',
        '--no-delegation',
        '--id',
        'my-envelope',
      ],
      runtime,
    );
    expect(code).toBe(0);
    const [request] = runtime.requests;
    expect(request?.url).toBe('http://api.test/api/v1/envelopes/upload');
    expect(request?.headers.authorization).toBe('Bearer token-from-env');
    const form = request?.body as FormData;
    expect(JSON.parse(form.get('envelope') as string)).toEqual({
      envelopeId: 'my-envelope',
      subject: 'NDA',
      message: 'Please sign',
      sender: { email: 'sam@example.com', name: 'Sam' },
      documents: [],
      recipients: [
        { email: 'alice@example.com', role: 'SIGNER', name: 'Alice' },
        { email: 'bob@example.com', role: 'SIGNER' },
        { email: 'carol@example.com', role: 'APPROVER' },
        { email: 'dan@example.com', role: 'CC' },
      ],
      routing: 'SEQUENTIAL',
      expiresIn: '7d',
      expiryWarning: '1d',
      reminders: { firstAfter: '3d', every: '1d', max: 3 },
      allowDelegation: false,
    });
    const uploaded = form.getAll('file') as File[];
    expect(uploaded.map((f) => f.name)).toEqual(['nda.pdf', 'terms.pdf']);
    expect(Buffer.from(await uploaded[0]!.arrayBuffer())).toEqual(PDF);
    expect(runtime.output()).toBe(
      'Sent envelope env-1 (PENDING) to 4 recipients.\nFollow it with: signet status env-1\n',
    );
  });

  it('sends library documents as JSON, in parallel, with reminders off and a fixed deadline', async () => {
    const runtime = createFakeRuntime({ answer: () => CREATED });
    const args = [
      'send',
      ...BASE,
      '--library',
      'contracts/nda.pdf',
      '--to',
      'alice@example.com',
      '--parallel',
      '--no-reminders',
      '--expires',
      '2030-02-01T12:00:00+02:00',
    ];
    expect(await main(args, runtime)).toBe(0);
    expect(runtime.requests[0]).toMatchObject({
      method: 'POST',
      url: 'http://api.test/api/v1/envelopes',
      body: {
        documents: [{ libraryPath: 'contracts/nda.pdf' }],
        routing: 'PARALLEL',
        reminders: false,
        expiresAt: '2030-02-01T10:00:00.000Z',
        allowDelegation: true,
      },
    });
  });

  it.each<[string, string[], Record<string, Buffer>, string]>([
    ['no recipients', ['a.pdf'], { 'a.pdf': PDF }, 'NO_RECIPIENTS'],
    ['a bad address', ['a.pdf', '--to', 'alice@'], { 'a.pdf': PDF }, 'INVALID_EMAIL'],
    [
      'a duplicate',
      ['a.pdf', '--to', 'a@example.com', '--cc', 'A@example.com'],
      { 'a.pdf': PDF },
      'DUPLICATE_RECIPIENT',
    ],
    ['only copies', ['a.pdf', '--cc', 'a@example.com'], { 'a.pdf': PDF }, 'NO_ACTING_RECIPIENT'],
    [
      'a bad duration',
      ['a.pdf', '--to', 'a@example.com', '--expires', 'two weeks'],
      { 'a.pdf': PDF },
      'INVALID_DURATION',
    ],
    [
      'a past deadline',
      ['a.pdf', '--to', 'a@example.com', '--expires', '2029-12-31'],
      { 'a.pdf': PDF },
      'DEADLINE_IN_PAST',
    ],
    ['a missing file', ['missing.pdf', '--to', 'a@example.com'], {}, 'DOCUMENT_NOT_FOUND'],
    ['a text file', ['notes.pdf', '--to', 'a@example.com'], { 'notes.pdf': Buffer.from('hello') }, 'NOT_A_PDF'],
    ['no documents', ['--to', 'a@example.com'], {}, 'VALIDATION_FAILED'],
  ])('fails locally on %s with exit code 1 and the API code', async (_label, args, files, code) => {
    const runtime = createFakeRuntime({ files });
    expect(await main(['send', ...args, ...BASE], runtime)).toBe(1);
    expect(runtime.errors()).toMatch(new RegExp(`^error \\[${code}\\]: `));
    expect(runtime.requests).toHaveLength(0);
  });

  it('prints errors as JSON on stdout with --json', async () => {
    const runtime = createFakeRuntime();
    expect(await main(['send', 'a.pdf', ...BASE, '--json'], runtime)).toBe(1);
    expect(JSON.parse(runtime.output())).toEqual({
      error: { code: 'NO_RECIPIENTS', message: 'add at least one recipient with --to' },
    });
  });

  it('passes on the API’s error code', async () => {
    const runtime = createFakeRuntime({
      files: { 'a.pdf': PDF },
      answer: () => ({
        status: 409,
        body: { error: { code: 'ENVELOPE_EXISTS', message: 'An envelope with this id already exists.' } },
      }),
    });
    expect(await main(['send', 'a.pdf', '--to', 'a@example.com', ...BASE], runtime)).toBe(1);
    expect(runtime.errors()).toBe('error [ENVELOPE_EXISTS]: An envelope with this id already exists.\n');
  });

  it.each([
    ['no --subject', ['send', 'a.pdf', '--to', 'a@example.com', '--sender', 'sam@example.com']],
    ['no sender', ['send', 'a.pdf', '--to', 'a@example.com', '--subject', 'x']],
    ['more names than signers', ['send', 'a.pdf', '--to', 'a@example.com', '--name', 'A', '--name', 'B', ...BASE]],
    ['a bad --max-reminders', ['send', 'a.pdf', '--to', 'a@example.com', '--max-reminders', 'many', ...BASE]],
    ['an unknown option', ['send', 'a.pdf', '--colour', 'red', ...BASE]],
  ])('exits with 2 on a usage error: %s', async (_label, args) => {
    const runtime = createFakeRuntime({ files: { 'a.pdf': PDF } });
    expect(await main(args, runtime)).toBe(2);
    expect(runtime.requests).toHaveLength(0);
  });

  it('takes the sender from SIGNET_SENDER_EMAIL', async () => {
    const runtime = createFakeRuntime({
      env: { SIGNET_SENDER_EMAIL: 'env@example.com' },
      files: { 'a.pdf': PDF },
      answer: () => CREATED,
    });
    expect(await main(['send', 'a.pdf', '--to', 'a@example.com', '--subject', 'x'], runtime)).toBe(0);
    expect(JSON.parse((runtime.requests[0]?.body as FormData).get('envelope') as string).sender).toEqual({
      email: 'env@example.com',
    });
  });
});
