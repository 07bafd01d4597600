import type { AppError } from '@signet/shared';
import { EnvelopeStatus } from '@signet/shared';
import type { RecipientEnvelopeView } from '../views/recipient-view';

// The interim signing page: read-only, no script, every value escaped. The real page is a later issue.

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#222}' +
  'h1{font-size:1.4rem}dt{font-weight:600}dd{margin:0 0 .5rem}.note{padding:.75rem;background:#f3f3f3;border-radius:4px}';

function page(title: string, body: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${escapeHtml(title)} · Signet</title><style>${STYLE}</style></head>` +
    `<body>${body}</body></html>`
  );
}

function when(iso: string | undefined): string {
  return iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '—';
}

const ENDED_MESSAGE: Partial<Record<EnvelopeStatus, string>> = {
  COMPLETED: 'This envelope has been completed. Everyone has signed; a copy is sent by e-mail.',
  DECLINED: 'This envelope was declined, so it can no longer be signed.',
  CANCELLED: 'The sender cancelled this envelope, so it can no longer be signed.',
  EXPIRED: 'This envelope expired before everyone had signed.',
};

function statusNote(view: RecipientEnvelopeView): string {
  const ended = ENDED_MESSAGE[view.status];
  if (ended) return ended;
  if (view.finalising) return 'Everyone has responded; the signed document is being prepared.';
  if (view.you.status === 'PENDING')
    return 'It is your turn. Signing on this page arrives soon; for now, review the documents.';
  if (view.you.status === 'WAITING') return 'It is not your turn yet. You will get an e-mail when it is.';
  return `You have already responded (${view.you.status.toLowerCase()}).`;
}

/** The page for a valid link: subject, sender, documents, status and this recipient's own state. */
export function renderSignPage(view: RecipientEnvelopeView, token: string): string {
  const base = `/api/v1/recipient/${encodeURIComponent(token)}/documents`;
  const documents = view.documents
    .map((d) => `<li><a href="${escapeHtml(`${base}/${d.index}`)}">${escapeHtml(d.name)}</a></li>`)
    .join('');
  const message = view.message ? `<p>${escapeHtml(view.message)}</p>` : '';
  const body =
    `<h1>${escapeHtml(view.subject)}</h1>` +
    `<p>From ${escapeHtml(view.sender.name)}, to ${escapeHtml(view.you.name)} (${escapeHtml(view.you.role.toLowerCase())})</p>${message}` +
    `<p class="note">${escapeHtml(statusNote(view))}</p>` +
    `<h2>Documents</h2><ul>${documents}</ul>` +
    `<dl><dt>Status</dt><dd>${escapeHtml(view.status)}</dd><dt>Your status</dt><dd>${escapeHtml(view.you.status)}</dd>` +
    (view.status === EnvelopeStatus.PENDING ? `<dt>Deadline</dt><dd>${escapeHtml(when(view.expiresAt))}</dd>` : '') +
    `</dl>`;
  return page(view.subject, body);
}

const PROBLEM_TEXT: Record<string, { title: string; text: string }> = {
  INVALID_TOKEN: {
    title: 'Link not valid',
    text: 'This link is not valid. Please use the link from your most recent Signet e-mail.',
  },
  UNKNOWN_RECIPIENT: {
    title: 'Link no longer valid',
    text: 'This link is no longer valid: the sender may have replaced or removed you.',
  },
  ENVELOPE_NOT_FOUND: { title: 'Envelope not found', text: 'This envelope no longer exists.' },
};

/** The page for a link that cannot be shown: invalid, replaced, gone, or Signet unavailable. */
export function renderLinkProblemPage(error: AppError): string {
  const known = PROBLEM_TEXT[error.code] ?? { title: 'Signet', text: error.userMessage };
  return page(known.title, `<h1>${escapeHtml(known.title)}</h1><p class="note">${escapeHtml(known.text)}</p>`);
}
