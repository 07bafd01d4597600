import { AppError, AppErrorCode, isAppErrorCode } from '@signet/shared';

/** The worker's side of the API's `/internal/v1` routes (service token auth). */
export type InternalApiClient = {
  /** POSTs JSON to `/internal/v1<path>` and returns the JSON answer; errors come back as AppErrors with the API's code. */
  post<T>(path: string, body: unknown): Promise<T>;
};

export type InternalApiOptions = { url: string; token: string; fetch?: typeof fetch };

/**
 * A transport failure is API_UNAVAILABLE (retryable, so the activity's retry policy takes over); an error
 * answer keeps the API's code, so a non-retryable code fails the activity for good.
 */
export function createInternalApiClient(options: InternalApiOptions): InternalApiClient {
  const base = options.url.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  return {
    async post<T>(path: string, body: unknown): Promise<T> {
      let response: Response;
      try {
        response = await doFetch(`${base}/internal/v1${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        });
      } catch (cause) {
        throw new AppError(AppErrorCode.API_UNAVAILABLE, { message: `cannot reach the API at ${base}`, cause });
      }
      const text = await response.text();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch (cause) {
        throw new AppError(AppErrorCode.API_UNAVAILABLE, { message: `internal API ${path}: not JSON`, cause });
      }
      if (response.ok) return json as T;
      const code = (json as { error?: { code?: unknown } } | undefined)?.error?.code;
      throw new AppError(isAppErrorCode(code) ? code : AppErrorCode.API_UNAVAILABLE, {
        message: `internal API ${path} answered ${response.status}`,
      });
    },
  };
}
