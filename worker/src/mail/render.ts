import type { Locale } from '@signet/shared';

/** Subject, plain-text and HTML body of one mail, and the language they are written in. */
export type RenderedMail = { subject: string; text: string; html: string; language: Locale };

/**
 * What a template says, as plain strings. Templates never write markup: {@link renderMail} escapes every
 * value on the way into HTML, so a name like `<script>` cannot inject anything whichever template uses it.
 */
export type MailContent = {
  locale: Locale;
  subject: string;
  /** The salutation line, already in the mail's language (`Hello Bob,`). */
  greeting: string;
  paragraphs: string[];
  /** Multi-line text from a person (the sender's message, a reason), shown set apart and attributed. */
  quote?: { label: string; text: string };
  facts?: Array<{ label: string; value: string }>;
  /** The one button of the mail: a recipient's signing link, or the sender's envelope page. */
  action?: { label: string; url: string };
  /** Small print, one paragraph each. */
  footer?: string[];
};

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const MAX_SUBJECT_LENGTH = 200;
/** Text lines stay within 78 characters (RFC 5322's recommendation) wherever a word boundary allows. */
const TEXT_WIDTH = 76;

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

/**
 * Wraps one paragraph at word boundaries; `prefix` starts every line (`> ` for quotes), `indent` every line
 * after the first. A word longer than the width (a long file name) keeps its own line rather than being cut.
 */
export function wrapText(text: string, { prefix = '', indent = '', width = TEXT_WIDTH } = {}): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const lead = lines.length === 0 ? prefix : prefix + indent;
    if (line && lead.length + line.length + 1 + word.length > width) {
      lines.push(lead + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push((lines.length === 0 ? prefix : prefix + indent) + line);
  return lines.map((l) => l.trimEnd()).join('\n');
}

function renderText(content: MailContent): string {
  const blocks = [wrapText(oneLine(content.greeting)), ...content.paragraphs.map((p) => wrapText(p))];
  if (content.quote) {
    const quoted = content.quote.text.split(/\r?\n/).map((l) => (l.trim() ? wrapText(l, { prefix: '> ' }) : '>'));
    blocks.push(`${wrapText(`${content.quote.label}:`)}\n${quoted.join('\n')}`);
  }
  if (content.facts?.length)
    blocks.push(content.facts.map((f) => wrapText(`${f.label}: ${f.value}`, { indent: '  ' })).join('\n'));
  // The link stands alone on its line so that no client wraps or joins it.
  if (content.action) blocks.push(`${wrapText(`${content.action.label}:`)}\n${content.action.url}`);
  for (const note of content.footer ?? []) blocks.push(wrapText(note));
  blocks.push('-- \nSignet');
  return blocks.join('\n\n') + '\n';
}

function renderHtml(content: MailContent, subject: string): string {
  const body = [`<p>${escapeHtml(oneLine(content.greeting))}</p>`];
  for (const paragraph of content.paragraphs) body.push(`<p>${escapeHtml(paragraph)}</p>`);
  if (content.quote) {
    const lines = content.quote.text.split(/\r?\n/).map(escapeHtml).join('<br>');
    body.push(
      `<p>${escapeHtml(content.quote.label)}:</p>`,
      `<blockquote style="border-left:3px solid #ccc;margin:0;padding-left:12px">${lines}</blockquote>`,
    );
  }
  if (content.facts?.length) {
    const rows = content.facts.map(
      (f) =>
        `<tr><th align="left" style="padding-right:12px;vertical-align:top">${escapeHtml(f.label)}</th><td>${escapeHtml(f.value)}</td></tr>`,
    );
    body.push(`<table role="presentation">${rows.join('')}</table>`);
  }
  if (content.action) {
    body.push(
      `<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:10px 16px;background:#2f5bea;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(content.action.label)}</a></p>`,
    );
  }
  for (const note of content.footer ?? []) body.push(`<p style="color:#666;font-size:small">${escapeHtml(note)}</p>`);
  return `<!doctype html><html lang="${escapeHtml(content.locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head><body style="font-family:sans-serif">${body.join('\n')}</body></html>`;
}

/** Renders a template's content into the mail's subject, text and HTML. */
export function renderMail(content: MailContent): RenderedMail {
  const subject = oneLine(content.subject).slice(0, MAX_SUBJECT_LENGTH);
  return { subject, text: renderText(content), html: renderHtml(content, subject), language: content.locale };
}
