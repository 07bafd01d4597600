/**
 * The session cookie. `__Host-` makes the browser insist on Secure, Path=/ and no Domain, so no sibling host
 * can plant or read it. Chromium (and Firefox) treat http://localhost and http://127.0.0.1 as secure
 * contexts and accept Secure cookies there, so the same name works in development and tests.
 */
export const SESSION_COOKIE = '__Host-signet-session';

const COOKIE_VALUE = /^[A-Za-z0-9_-]{16,128}$/;

/** The session id from a `Cookie` header, or undefined; anything not shaped like one of our ids is ignored. */
export function sessionIdFrom(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const index = part.indexOf('=');
    if (index < 0 || part.slice(0, index).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(index + 1).trim();
    if (COOKIE_VALUE.test(value)) return value;
  }
  return undefined;
}

/** `Set-Cookie` for a new session: HttpOnly (no script reads it), Secure, SameSite=Lax, Path=/, until `maxAgeMs`. */
export function sessionCookie(id: string, maxAgeMs: number): string {
  return `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=${Math.floor(maxAgeMs / 1000)}`;
}

/** `Set-Cookie` that removes the session cookie. */
export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0`;
}
