import { AppError, AppErrorCode } from '@signet/shared/errors';
import { fetchDer } from './http-der';
import { createTimestampRequest, readTimestampResponse } from './rfc3161';
import type { TimestampAuthority } from './timestamp-authority';

export type HttpTimestampAuthorityOptions = {
  url: string;
  /** Per request; default 10 s. */
  timeoutMs?: number;
};

/** RFC 3161 over HTTP: POST `application/timestamp-query`, checks status, imprint and nonce. */
export function createHttpTimestampAuthority(options: HttpTimestampAuthorityOptions): TimestampAuthority {
  return {
    timestamp: async (digest, algorithm) => {
      if (algorithm !== 'SHA-256') {
        throw new AppError(AppErrorCode.SEAL_FAILED, { message: `unsupported digest ${String(algorithm)}` });
      }
      const request = createTimestampRequest(digest);
      const answer = await fetchDer(options.url, {
        body: request.der,
        contentType: 'application/timestamp-query',
        timeoutMs: options.timeoutMs ?? 10_000,
        errorCode: AppErrorCode.TSA_UNAVAILABLE,
        maxBytes: 1024 * 1024,
      });
      return readTimestampResponse(answer, digest, request.nonce);
    },
  };
}
