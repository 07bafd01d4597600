/** Subject, plain-text and HTML body of one mail. */
export type RenderedMail = { subject: string; text: string; html: string };

/**
 * What a template says, as plain strings. Templates never write markup: {@link renderMail} escapes every
 * value on the way into HTML, so a name like `<script>` cannot inject anything whichever template uses it.
 */
export type MailContent = {
  subject: string;
  greetingName: string;
  paragraphs: string[];
  /** Multi-line text from a person (the sender's message, a reason), shown set apart and attributed. */
  quote?: { label: string; text: string };
  facts?: Array<{ label: string; value: string }>;
  /** The one button of the mail (a recipient's signing link). */
  action?: { label: string; url: string };
  footer?: string;
};

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const MAX_SUBJECT_LENGTH = 200;

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** Collapses line breaks and control characters: a subject must stay one header line. */
export function oneLine(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- a sanitiser: control characters are exactly what it must match
      .replace(/[\u0000-\u001f\u007f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** `a.pdf, b.pdf`. */
export function listNames(names: string[]): string {
  return names.map(oneLine).join(', ');
}

function renderText(content: MailContent): string {
  const blocks = [`Hello ${oneLine(content.greetingName)},`, ...content.paragraphs];
  if (content.quote)
    blocks.push(
      `${content.quote.label}:\n${content.quote.text
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n')}`,
    );
  if (content.facts?.length) blocks.push(content.facts.map((f) => `${f.label}: ${f.value}`).join('\n'));
  if (content.action) blocks.push(`${content.action.label}:\n${content.action.url}`);
  if (content.footer) blocks.push(content.footer);
  blocks.push('-- \nSignet');
  return blocks.join('\n\n') + '\n';
}

function renderHtml(content: MailContent, subject: string): string {
  const body = [`<p>Hello ${escapeHtml(oneLine(content.greetingName))},</p>`];
  for (const paragraph of content.paragraphs) body.push(`<p>${escapeHtml(paragraph)}</p>`);
  if (content.quote) {
    const lines = content.quote.text.split('\n').map(escapeHtml).join('<br>');
    body.push(
      `<p>${escapeHtml(content.quote.label)}:</p>`,
      `<blockquote style="border-left:3px solid #ccc;margin:0;padding-left:12px">${lines}</blockquote>`,
    );
  }
  if (content.facts?.length) {
    const rows = content.facts.map(
      (f) =>
        `<tr><th align="left" style="padding-right:12px">${escapeHtml(f.label)}</th><td>${escapeHtml(f.value)}</td></tr>`,
    );
    body.push(`<table>${rows.join('')}</table>`);
  }
  if (content.action) {
    body.push(
      `<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:10px 16px;background:#2f5bea;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(content.action.label)}</a></p>`,
    );
  }
  if (content.footer) body.push(`<p style="color:#666;font-size:small">${escapeHtml(content.footer)}</p>`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:sans-serif">${body.join('\n')}</body></html>`;
}

/** Renders a template's content into the mail's subject, text and HTML. */
export function renderMail(content: MailContent): RenderedMail {
  const subject = oneLine(content.subject).slice(0, MAX_SUBJECT_LENGTH);
  return { subject, text: renderText(content), html: renderHtml(content, subject) };
}
