// The UI's only way to the server: same-origin fetch with the session cookie, the CSRF token on every unsafe
// request, and errors turned into ApiError with the server's code and the field it names.

export type Session = { email: string; name: string; role: 'sender' | 'admin'; csrfToken: string; expiresAt: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The request field the server blames (`details.field`, or the first schema issue's path). */
    readonly field: string | undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken = '';

type ErrorBody = {
  error?: { code?: string; message?: string; details?: { field?: unknown; issues?: Array<{ path?: unknown }> } };
};

async function toApiError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as ErrorBody;
  const details = body.error?.details;
  const field = typeof details?.field === 'string' ? details.field : details?.issues?.[0]?.path;
  return new ApiError(
    response.status,
    body.error?.code ?? 'INTERNAL',
    body.error?.message ?? response.statusText,
    typeof field === 'string' && field ? field : undefined,
  );
}

/** Reads the signed-in session (and keeps its CSRF token); undefined when signed out. */
export async function loadSession(): Promise<Session | undefined> {
  const response = await fetch('/app/session', { credentials: 'same-origin' });
  if (response.status === 401) return undefined;
  if (!response.ok) throw await toApiError(response);
  const session = (await response.json()) as Session;
  csrfToken = session.csrfToken;
  return session;
}

/** Calls the API; resolves with the JSON answer (undefined for 204), rejects with ApiError. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (response.status === 401) {
    location.assign(`/app/login?returnTo=${encodeURIComponent(location.pathname + location.search)}`);
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export async function signOut(): Promise<void> {
  await fetch('/app/logout', { method: 'POST', headers: { 'x-csrf-token': csrfToken }, credentials: 'same-origin' });
  location.assign('/app/signed-out');
}
