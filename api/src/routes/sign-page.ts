import type { FastifyInstance } from 'fastify';
import { negotiateLocale } from '@signet/shared';
import type { ApiContext } from '../context';
import { renderSignShell } from '../pages/sign-page';
import { readWebManifest, webEntry } from '../pages/web-assets';

/**
 * The page's own scripts and styles only; data and blob images (signature previews, the PDF canvas); pdf.js's
 * worker from /assets/; framed only by itself and Teams. The URL holds a token: no Referer, no caching.
 */
export const SIGN_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com",
].join('; ');

/**
 * Inside Teams (`?host=teams`), teams-js fetches Microsoft's list of valid Teams origins from its CDN (and
 * falls back to a built-in list when it cannot); only that page may connect there.
 */
export const TEAMS_SIGN_PAGE_CSP = SIGN_PAGE_CSP.replace(
  "connect-src 'self'",
  "connect-src 'self' https://res.cdn.office.net",
);

function pageHeaders(csp: string): Record<string, string> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

/**
 * `GET /sign/:token`: the signing page's shell, the same for every token (a forged one too): the page reads
 * the token from its URL and shows what the recipient API answers, including "link not valid".
 */
export function registerSignPage(app: FastifyInstance, _ctx: ApiContext): void {
  app.get('/sign/:token', async (request, reply) => {
    const manifest = readWebManifest();
    const html = renderSignShell(negotiateLocale(request.headers['accept-language']), {
      page: webEntry('sign', manifest),
      pdfWorker: webEntry('pdf.worker', manifest),
    });
    const inTeams = (request.query as Record<string, unknown>).host === 'teams';
    return reply
      .status(200)
      .headers(pageHeaders(inTeams ? TEAMS_SIGN_PAGE_CSP : SIGN_PAGE_CSP))
      .send(html);
  });
}
