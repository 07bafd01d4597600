import { AppError, AppErrorCode, isAppErrorCode } from '@signet/shared';
import type { ApiSettings } from './api-settings';
import type { CliRuntime } from './runtime';

/** The calls the commands make; every failure is an AppError with the API's own code. */
export type ApiClient = {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  postForm<T>(path: string, form: FormData): Promise<T>;
};

async function readAnswer<T>(response: Response, url: string): Promise<T> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (response.ok && body !== undefined) return body as T;
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (error && isAppErrorCode(error.code)) {
    const details =
      error.details && typeof error.details === 'object' ? (error.details as Record<string, unknown>) : undefined;
    throw new AppError(error.code, {
      message: typeof error.message === 'string' ? error.message : error.code,
      ...(details ? { details } : {}),
    });
  }
  throw new AppError(AppErrorCode.API_UNAVAILABLE, { message: `unexpected answer ${response.status} from ${url}` });
}

/** A small HTTP client for the Signet REST API (`/api/v1`), sending the sender token on every call. */
export function createApiClient(settings: ApiSettings, runtime: Pick<CliRuntime, 'fetch'>): ApiClient {
  const call = async <T>(method: string, path: string, body?: string | FormData, json = false): Promise<T> => {
    const url = `${settings.baseUrl}/api/v1${path}`;
    const headers: Record<string, string> = { authorization: `Bearer ${settings.token}`, accept: 'application/json' };
    if (json) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await runtime.fetch(url, { method, headers, ...(body !== undefined ? { body } : {}) });
    } catch (error) {
      throw new AppError(AppErrorCode.API_UNAVAILABLE, {
        message: `cannot reach the Signet API at ${settings.baseUrl} (is it running? try "npm start")`,
        cause: error,
      });
    }
    return readAnswer<T>(response, url);
  };
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, JSON.stringify(body ?? {}), true),
    postForm: (path, form) => call('POST', path, form),
  };
}
