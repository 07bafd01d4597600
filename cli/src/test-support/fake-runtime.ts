import type { CliRuntime } from '../runtime';

export type RecordedRequest = { method: string; url: string; headers: Record<string, string>; body: unknown };
export type FakeAnswer = { status: number; body: unknown } | Error;

export type FakeRuntime = CliRuntime & {
  requests: RecordedRequest[];
  output: () => string;
  errors: () => string;
};

export const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');

/** A runtime with in-memory files, a scripted API and captured output, at 2030-01-01T00:00Z. */
export function createFakeRuntime(
  options: {
    env?: Record<string, string>;
    files?: Record<string, Buffer>;
    answer?: (request: RecordedRequest) => FakeAnswer;
  } = {},
): FakeRuntime {
  const out: string[] = [];
  const err: string[] = [];
  const requests: RecordedRequest[] = [];
  const files = options.files ?? {};
  const answer = options.answer ?? (() => ({ status: 200, body: {} }));
  const fakeFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body;
    const request = {
      method: init?.method ?? 'GET',
      url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      headers: (init?.headers ?? {}) as Record<string, string>,
      body,
    };
    requests.push(request);
    const result = answer(request);
    if (result instanceof Error) throw result;
    return new Response(JSON.stringify(result.body), {
      status: result.status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return {
    env: { SIGNET_API_TOKEN: 'token-from-env', SIGNET_API_URL: 'http://api.test', ...options.env },
    fetch: fakeFetch,
    readFile: async (path) => {
      const bytes = files[path];
      if (!bytes) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return bytes;
    },
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    now: () => Date.parse('2030-01-01T00:00:00.000Z'),
    requests,
    output: () => out.join(''),
    errors: () => err.join(''),
  };
}
