import { inflateSync } from 'node:zlib';
import type { AuditRecipient } from './types';

// The evidence module (worker/src/evidence) attaches signet-evidence.json to the signature page (not for PDF/A-1/2
// originals). This reader looks for an embedded file stream (/Type /EmbeddedFile) whose content is JSON with a
// `recipients` array; a file without one gets a report without `recipients`.

const EMBEDDED_FILE = /\/Type\s*\/EmbeddedFile\b[\s\S]{0,400}?stream\r?\n/g;

/** Recipients from the first embedded JSON file that has a `recipients` array; undefined when none does. */
export function readEmbeddedRecipients(bytes: Buffer): AuditRecipient[] | undefined {
  const text = bytes.toString('latin1');
  for (const match of text.matchAll(EMBEDDED_FILE)) {
    const dictionaryStart = text.lastIndexOf('<<', match.index);
    const header = text.slice(dictionaryStart, match.index + match[0].length);
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(header)?.[1];
    const start = match.index + match[0].length;
    const end = length ? start + Number(length) : text.indexOf('endstream', start);
    const recipients = parseRecipients(bytes.subarray(start, end), /\/FlateDecode/.test(header));
    if (recipients) return recipients;
  }
  return undefined;
}

function parseRecipients(stream: Buffer, deflated: boolean): AuditRecipient[] | undefined {
  try {
    const json = JSON.parse((deflated ? inflateSync(stream) : stream).toString('utf8')) as { recipients?: unknown };
    if (!Array.isArray(json.recipients)) return undefined;
    return json.recipients.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null).map(pick);
  } catch {
    return undefined;
  }
}

function pick(recipient: Record<string, unknown>): AuditRecipient {
  const out: AuditRecipient = {};
  for (const key of ['name', 'email', 'role', 'status'] as const) {
    const value = recipient[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}
