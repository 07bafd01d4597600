import http from 'node:http';
import https from 'node:https';
import { guardedLookup } from './webhook-url-guard';

export type WebhookPostResult = {
  statusCode?: number;
  durationMs: number;
  error?: string;
  /** At most 1 KB of the answer, as text. */
  responseExcerpt?: string;
};

const TIMEOUT_MS = 10_000;
const EXCERPT_BYTES = 1024;

/**
 * POSTs `body` to the subscriber: 10 s for the whole exchange, redirects never followed (a 3xx is a failure),
 * the host resolved and checked by the SSRF guard at connection time. Never throws: a failure is in the result.
 */
export async function postWebhook(
  url: URL,
  body: string,
  headers: Record<string, string>,
  options: { allowInsecure: boolean },
): Promise<WebhookPostResult> {
  const started = performance.now();
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<WebhookPostResult, 'durationMs'>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, durationMs: Math.round(performance.now() - started) });
    };
    const request = transport.request(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      lookup: guardedLookup(options.allowInsecure),
    });
    const timer = setTimeout(() => {
      request.destroy();
      finish({ error: `no answer within ${TIMEOUT_MS / 1000} s` });
    }, TIMEOUT_MS);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        if (size < EXCERPT_BYTES) chunks.push(chunk);
        size += chunk.length;
      });
      const done = (): void => {
        const excerpt = Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8');
        finish({ statusCode: response.statusCode ?? 0, ...(excerpt ? { responseExcerpt: excerpt } : {}) });
      };
      response.on('end', done);
      response.on('error', done);
    });
    request.on('error', (error) => finish({ error: error.message }));
    request.end(body);
  });
}
