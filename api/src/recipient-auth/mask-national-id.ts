import { createHash } from 'node:crypto';

// Nordic personal identity numbers begin with the birth date (fi/no/da DDMMYY, sv YYMMDD or YYYYMMDD) and
// end with a serial and check; the date part is what people recognise, the rest is what identifies them.
const DATE_PREFIXES = [/^(\d{8})([-+])(.+)$/, /^(\d{6})([-+A-Za-z]?)(.+)$/];

/**
 * `010190-123A` → `010190-****`; `19900101-1234` → `19900101-****`; anything else keeps its first four
 * characters: `AB123456` → `AB12****`. The masked form is what the signature page shows.
 */
export function maskNationalId(nationalId: string): string {
  const value = nationalId.trim();
  const match = DATE_PREFIXES.map((pattern) => pattern.exec(value)).find(Boolean);
  if (match) return `${match[1]}${match[2]}${'*'.repeat(match[3]!.length)}`;
  if (value.length <= 4) return '*'.repeat(value.length);
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 4)}`;
}

/**
 * SHA-256 of `<envelopeId>:<number>`, hex: someone who holds the number can check it against the record;
 * the record alone does not give it away (salted by the envelope, so one hash does not match another's).
 */
export function hashNationalId(envelopeId: string, nationalId: string): string {
  return createHash('sha256').update(`${envelopeId}:${nationalId.trim()}`).digest('hex');
}
