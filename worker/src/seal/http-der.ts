import type { AppErrorCode } from '@signet/shared/errors';
import { AppError } from '@signet/shared/errors';

export type HttpDerOptions = {
  /** Abort after this many milliseconds. */
  timeoutMs: number;
  /** The code to fail with: TSA_UNAVAILABLE or REVOCATION_UNAVAILABLE. */
  errorCode: AppErrorCode;
  /** POST body; a GET when absent. */
  body?: Uint8Array;
  contentType?: string;
  /** Responses larger than this are refused (a CRL can be big, a TSA answer is a few KB). */
  maxBytes?: number;
};

/** One HTTP exchange of DER bytes, with a timeout; every failure is an AppError with `errorCode`. */
export async function fetchDer(url: string, options: HttpDerOptions): Promise<Uint8Array> {
  const fail = (message: string, cause?: unknown): AppError =>
    new AppError(options.errorCode, { message: `${message} (${url})`, cause, details: { url } });
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.body ? 'POST' : 'GET',
      ...(options.body ? { body: options.body, headers: { 'content-type': options.contentType ?? '' } } : {}),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (cause) {
    throw fail(isTimeout(cause) ? `no answer within ${options.timeoutMs} ms` : 'request failed', cause);
  }
  if (!response.ok) throw fail(`HTTP ${response.status}`);
  let body: Uint8Array;
  try {
    body = new Uint8Array(await response.arrayBuffer());
  } catch (cause) {
    throw fail('read failed', cause);
  }
  if (body.byteLength > (options.maxBytes ?? 10 * 1024 * 1024)) throw fail('answer too large');
  return body;
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}
