import type { Locale } from '@signet/shared';
import { SIGNING_MESSAGES } from '@signet/shared';
import type { WebEntry } from './web-assets';

// The signing page is a static shell: the browser bundle (api/web/sign) asks the recipient API for everything
// else. Nothing here depends on the token or the envelope, so nothing a sender wrote reaches this HTML.

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The HTML shell: no inline script or style (the CSP forbids both), hashed assets from /assets/. */
export function renderSignShell(locale: Locale, assets: { page: WebEntry; pdfWorker: WebEntry }): string {
  const text = SIGNING_MESSAGES[locale];
  const css = assets.page.css ? `<link rel="stylesheet" href="/assets/${escapeHtml(assets.page.css)}">` : '';
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex"><meta name="referrer" content="no-referrer">` +
    `<title>${escapeHtml(text.pageTitle)}</title>${css}` +
    `<script type="module" src="/assets/${escapeHtml(assets.page.js)}"></script></head>` +
    `<body data-pdf-worker="/assets/${escapeHtml(assets.pdfWorker.js)}">` +
    `<noscript><p class="noscript">${escapeHtml(text.noScript)}</p></noscript>` +
    `<main id="app" tabindex="-1"><p class="loading" role="status">${escapeHtml(text.loading)}</p></main>` +
    `</body></html>`
  );
}
