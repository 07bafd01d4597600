import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { AppError, AppErrorCode } from '@signet/shared';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function rejected(message: string): AppError {
  return new AppError(AppErrorCode.CSRF_REJECTED, { message });
}

/**
 * The anti-CSRF rule for requests authenticated by the session cookie (decision 0017): an unsafe method
 * (anything but GET/HEAD/OPTIONS) must come from our own origin (`Origin` equal to the public URL's) and
 * carry the session's token in `X-CSRF-Token` — which a cross-site page can neither read nor set without a
 * CORS preflight this API never grants. CSRF_REJECTED (403) otherwise. Bearer-authenticated requests carry
 * no ambient credential and are not checked.
 */
export function assertCsrfSafe(
  method: string,
  headers: IncomingHttpHeaders,
  expected: { csrfToken: string; publicUrl: string },
): void {
  if (SAFE_METHODS.has(method.toUpperCase())) return;
  const origin = first(headers.origin);
  if (!origin || origin !== new URL(expected.publicUrl).origin) {
    throw rejected('a signed-in request must come from the Signet web UI itself (Origin)');
  }
  const token = first(headers['x-csrf-token']);
  if (!token || !sameSecret(token, expected.csrfToken)) {
    throw rejected("a signed-in request must carry the page's X-CSRF-Token");
  }
}
