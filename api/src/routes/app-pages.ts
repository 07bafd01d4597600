import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, AppErrorCode, isLocale, negotiateLocale } from '@signet/shared';
import type { Locale } from '@signet/shared';
import { createIssuerKeys } from '../auth/issuer-keys';
import { findSession } from '../auth/sender-auth';
import type { ApiContext } from '../context';
import { readWebManifest, webEntry } from '../pages/web-assets';
import { assertCsrfSafe } from '../sender-session/check-csrf';
import { createEndpointDiscovery } from '../sender-session/oidc-client';
import { clearedSessionCookie, sessionCookie, sessionIdFrom } from '../sender-session/session-cookie';
import { endSession } from '../sender-session/session-store';
import type { SignInDeps } from '../sender-session/sign-in';
import { finishSignIn, requireWebSignIn, safeReturnTo, startSignIn } from '../sender-session/sign-in';

/** The sender UI's policy: its own scripts and styles only, nothing inline, no framing, no foreign connections. */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE_HEADERS = {
  'Content-Security-Policy': APP_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

function localeOf(request: FastifyRequest): Locale {
  const asked = (request.query as Record<string, unknown>).lang;
  return isLocale(asked) ? asked : negotiateLocale(request.headers['accept-language']);
}

/** The HTML shell every `/app` page shares; the script renders the view named by the URL (History API). */
function renderShell(locale: Locale): string {
  const entry = webEntry('app', readWebManifest());
  const css = entry.css ? `<link rel="stylesheet" href="/assets/${escapeHtml(entry.css)}">` : '';
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Signet</title>${css}<script type="module" src="/assets/${escapeHtml(entry.js)}"></script></head>
<body><div id="app" data-locale="${locale}"></div></body></html>`;
}

/** A script-free page for sign-in failures: the reason (escaped) and a way to start again. */
function renderProblem(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in failed — Signet</title></head>
<body><main><h1>Sign-in failed</h1><p>${escapeHtml(message)}</p><p><a href="/app/login">Sign in again</a></p></main></body></html>`;
}

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply
    .status(status)
    .headers({ ...PAGE_HEADERS, 'Content-Type': 'text/html; charset=utf-8' })
    .send(body);
}

function signInDeps(ctx: ApiContext): () => SignInDeps {
  let deps: SignInDeps | undefined;
  return () => {
    if (deps) return deps;
    const { oidc } = requireWebSignIn(ctx);
    deps = { ctx, endpoints: createEndpointDiscovery(oidc), keys: createIssuerKeys(oidc) };
    return deps;
  };
}

/**
 * The sender web UI (decision 0017):
 * - `GET /app`, `GET /app/*`: the shell (signed-out browsers are sent to sign in first).
 * - `GET /app/login?returnTo=`: 302 to the identity provider (code + PKCE S256, state, nonce).
 * - `GET /app/auth/callback`: checks the answer, opens a session, sets the `__Host-` cookie, 302 back.
 * - `GET /app/session`: who is signed in and the page's CSRF token (JSON; 401 when signed out).
 * - `POST /app/logout`: ends the session (CSRF-checked); `GET /app/signed-out` says so.
 */
export function registerAppPages(app: FastifyInstance, ctx: ApiContext): void {
  const deps = signInDeps(ctx);

  app.get('/app/login', async (request, reply) => {
    const returnTo = (request.query as Record<string, unknown>).returnTo;
    return reply.headers(PAGE_HEADERS).redirect(await startSignIn(deps(), returnTo), 302);
  });

  app.get('/app/auth/callback', async (request, reply) => {
    try {
      const done = await finishSignIn(deps(), request.query as Record<string, unknown>);
      return reply
        .headers(PAGE_HEADERS)
        .header('Set-Cookie', sessionCookie(done.sessionId, done.maxAgeMs))
        .redirect(done.returnTo, 302);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== AppErrorCode.UNAUTHENTICATED) throw error;
      return html(reply, 401, renderProblem(error.message));
    }
  });

  app.get('/app/session', async (request, reply) => {
    const session = await findSession(ctx, request.headers.cookie);
    if (!session) throw new AppError(AppErrorCode.UNAUTHENTICATED, { message: 'not signed in' });
    return reply.headers(PAGE_HEADERS).send({
      email: session.subject,
      name: session.name,
      role: session.role,
      csrfToken: session.csrfToken,
      expiresAt: new Date(session.absoluteExpiresAt).toISOString(),
    });
  });

  app.post('/app/logout', async (request, reply) => {
    const id = sessionIdFrom(request.headers.cookie);
    const session = await findSession(ctx, request.headers.cookie);
    if (id && session && ctx.database) {
      assertCsrfSafe(request.method, request.headers, {
        csrfToken: session.csrfToken,
        publicUrl: ctx.config.api.publicUrl,
      });
      await endSession(ctx.database, id, ctx.now());
    }
    return reply.status(204).headers(PAGE_HEADERS).header('Set-Cookie', clearedSessionCookie()).send();
  });

  app.get('/app/signed-out', async (_request, reply) =>
    html(
      reply,
      200,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signed out — Signet</title></head>
<body><main><h1>You are signed out</h1><p><a href="/app/login">Sign in again</a></p></main></body></html>`,
    ),
  );

  const shell = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!(await findSession(ctx, request.headers.cookie))) {
      const returnTo = safeReturnTo(request.url);
      return reply.headers(PAGE_HEADERS).redirect(`/app/login?returnTo=${encodeURIComponent(returnTo)}`, 302);
    }
    return html(reply, 200, renderShell(localeOf(request)));
  };
  app.get('/app', shell);
  app.get('/app/*', shell);
}
