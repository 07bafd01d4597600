import type { TEnvelopeView } from '@signet/shared';
import { main } from '../main';
import type { RecordedRequest } from '../test-support/fake-runtime';
import { createFakeRuntime } from '../test-support/fake-runtime';

const VIEW: TEnvelopeView = {
  envelopeId: 'env-1',
  status: 'PENDING',
  finalising: false,
  subject: 'NDA',
  sender: { id: 'u_1', email: 'sam@example.com', name: 'Sam' },
  sourceLibrary: 'lib',
  createdAt: '2030-01-01T00:00:00.000Z',
  expiresAt: '2030-01-22T00:00:00.000Z',
  allowDelegation: true,
  legalHold: false,
  progress: { done: 0, required: 1 },
  documents: [],
  recipients: [
    {
      id: 'r-1',
      email: 'alice@example.com',
      name: 'Alice',
      role: 'SIGNER',
      routingOrder: 1,
      status: 'PENDING',
      remindersSent: 0,
    },
  ],
  audit: [],
};

const ok =
  (body: unknown = VIEW) =>
  () => ({ status: 200, body });

async function run(
  args: string[],
  answer: (request: RecordedRequest) => { status: number; body: unknown } | Error = ok(),
) {
  const runtime = createFakeRuntime({ answer });
  const code = await main(args, runtime);
  return { code, runtime, request: runtime.requests[0] };
}

describe('signet status / list / cancel / extend / remind', () => {
  it('status GETs the envelope and prints JSON with --json', async () => {
    const { code, runtime, request } = await run(['status', 'env-1', '--json']);
    expect(code).toBe(0);
    expect(request).toMatchObject({ method: 'GET', url: 'http://api.test/api/v1/envelopes/env-1' });
    expect(JSON.parse(runtime.output())).toEqual(VIEW);
  });

  it('list builds the query string from its filters', async () => {
    const { request, runtime } = await run(
      ['list', '--status', 'PENDING', '--sender', 'sam@example.com', '--page-size', '10', '--page-token', 'abc'],
      ok({ items: [] }),
    );
    expect(request?.url).toBe(
      'http://api.test/api/v1/envelopes?status=PENDING&senderEmail=sam%40example.com&pageSize=10&nextPageToken=abc',
    );
    expect(runtime.output()).toBe('No envelopes.\n');
  });

  it('cancel POSTs the reason', async () => {
    const { request, runtime } = await run(
      ['cancel', 'env-1', '--reason', 'Wrong file'],
      ok({ ...VIEW, status: 'CANCELLED' }),
    );
    expect(request).toMatchObject({
      method: 'POST',
      url: 'http://api.test/api/v1/envelopes/env-1/cancel',
      body: { reason: 'Wrong file' },
    });
    expect(runtime.output()).toBe('Envelope env-1 is CANCELLED.\n');
  });

  it('extend sends --by as extendBy and --to as an ISO deadline', async () => {
    const by = await run(['extend', 'env-1', '--by', '7d']);
    expect(by.request?.body).toEqual({ extendBy: '7d' });
    expect(by.runtime.output()).toBe('The deadline of env-1 is now 2030-01-22 00:00 UTC.\n');
    const to = await run(['extend', 'env-1', '--to', '2030-03-01T12:00:00+01:00']);
    expect(to.request?.body).toEqual({ expiresAt: '2030-03-01T11:00:00.000Z' });
  });

  it.each<[string[], number, string]>([
    [['extend', 'env-1', '--by', 'a week'], 1, 'INVALID_DURATION'],
    [['extend', 'env-1', '--to', '2029-01-01T00:00:00Z'], 1, 'DEADLINE_IN_PAST'],
    [['extend', 'env-1', '--to', 'soon'], 1, 'VALIDATION_FAILED'],
    [['cancel', 'env-1', '--reason', ' '], 1, 'REASON_REQUIRED'],
  ])('%j fails locally with %i %s', async (args, exit, code) => {
    const { code: actual, runtime } = await run(args);
    expect(actual).toBe(exit);
    expect(runtime.errors()).toContain(`[${code}]`);
    expect(runtime.requests).toHaveLength(0);
  });

  it.each([
    [['extend', 'env-1']],
    [['extend', 'env-1', '--to', '2031-01-01T00:00:00Z', '--by', '1d']],
    [['cancel', 'env-1']],
    [['list', '--status', 'OPEN']],
    [[]],
  ])('%j is a usage error (exit 2)', async (args) => {
    expect((await run(args)).code).toBe(2);
  });

  it('remind names the recipients it reminded', async () => {
    const { request, runtime } = await run(['remind', 'env-1', '--recipient', 'r-1']);
    expect(request).toMatchObject({
      url: 'http://api.test/api/v1/envelopes/env-1/remind',
      body: { recipientIds: ['r-1'] },
    });
    expect(runtime.output()).toBe('Reminded Alice.\n');
  });

  it('escapes the envelope id in the path', async () => {
    const { request } = await run(['status', 'a/b?c']);
    expect(request?.url).toBe('http://api.test/api/v1/envelopes/a%2Fb%3Fc');
  });

  it('reports an unreachable API as API_UNAVAILABLE', async () => {
    const { code, runtime } = await run(['status', 'env-1'], () => new TypeError('fetch failed'));
    expect(code).toBe(1);
    expect(runtime.errors()).toBe(
      'error [API_UNAVAILABLE]: cannot reach the Signet API at http://api.test (is it running? try "npm start")\n',
    );
  });

  it('reports a non-JSON answer as API_UNAVAILABLE', async () => {
    const runtime = createFakeRuntime();
    runtime.fetch = async () => new Response('<html>proxy error</html>', { status: 502 });
    expect(await main(['status', 'env-1'], runtime)).toBe(1);
    expect(runtime.errors()).toContain('[API_UNAVAILABLE]');
  });
});

describe('API settings', () => {
  it('reads the token from <SIGNET_DATA_DIR>/secrets.env when SIGNET_API_TOKEN is not set', async () => {
    const runtime = createFakeRuntime({
      env: { SIGNET_API_TOKEN: '', SIGNET_DATA_DIR: '/srv/signet', SIGNET_API_URL: '' },
      files: { '/srv/signet/secrets.env': Buffer.from('SIGNET_LINK_SECRET=abc\nSIGNET_API_TOKEN="from-file"\n') },
      answer: ok(),
    });
    expect(await main(['status', 'env-1'], runtime)).toBe(0);
    expect(runtime.requests[0]?.url).toBe('http://127.0.0.1:3000/api/v1/envelopes/env-1');
    expect(runtime.requests[0]?.headers.authorization).toBe('Bearer from-file');
  });

  it('fails with UNAUTHENTICATED when there is no token anywhere', async () => {
    const runtime = createFakeRuntime({ env: { SIGNET_API_TOKEN: '' } });
    expect(await main(['status', 'env-1'], runtime)).toBe(1);
    expect(runtime.errors()).toContain('error [UNAUTHENTICATED]: no API token');
  });
});
