// The recipient's session token (after an e-mail code or an identity provider) lives in sessionStorage,
// per link token: gone when the tab closes, never sent as a cookie, never in a URL the server logs.

const key = (token: string): string => `signet.session.${token.slice(-32)}`;

export function readSession(token: string): string | undefined {
  try {
    return sessionStorage.getItem(key(token)) ?? undefined;
  } catch {
    return undefined;
  }
}

export function storeSession(token: string, session: string): void {
  try {
    sessionStorage.setItem(key(token), session);
  } catch {
    // Storage disabled: the session lasts as long as this page (kept by the caller).
  }
}

export function clearSession(token: string): void {
  try {
    sessionStorage.removeItem(key(token));
  } catch {
    // nothing stored
  }
}

/**
 * After an identity provider, the API redirects to `/sign/<token>#session=…` or `#auth_error=CODE`. The
 * fragment never reaches a server; this reads it once and removes it from the address bar and history.
 */
export function takeFragment(): { session?: string; authError?: string } {
  const hash = window.location.hash.replace(/^#/, '');
  if (!hash) return {};
  const params = new URLSearchParams(hash);
  const session = params.get('session') ?? undefined;
  const authError = params.get('auth_error') ?? undefined;
  if (session || authError) {
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return { ...(session ? { session } : {}), ...(authError ? { authError } : {}) };
}
