import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError, AppErrorCode } from '../errors/app-error';

/** What a recipient's link token proves: this envelope, this recipient slot, this slot's key. */
export type RecipientTokenClaims = { envelopeId: string; recipientId: string; recipientKey: string };

const VERSION = 'v1';

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`${VERSION}.${payload}`).digest();
}

/**
 * Mints the token in a recipient's invitation link: the claims plus an HMAC-SHA256 (256 bits) under the
 * server's link secret. Stateless; the workflow decides whether the slot may still act, so the token is
 * useless once the recipient acts, is replaced, or the envelope ends.
 */
export function mintRecipientToken(secret: string, claims: RecipientTokenClaims): string {
  const payload = Buffer.from(JSON.stringify([claims.envelopeId, claims.recipientId, claims.recipientKey])).toString(
    'base64url',
  );
  return `${VERSION}.${payload}.${mac(secret, payload).toString('base64url')}`;
}

/** Verifies a token's MAC in constant time and returns its claims; INVALID_TOKEN otherwise. */
export function verifyRecipientToken(secret: string, token: string): RecipientTokenClaims {
  const invalid = () => new AppError(AppErrorCode.INVALID_TOKEN, { message: 'recipient token is malformed or forged' });
  const [version, payload, signature] = token.split('.');
  if (version !== VERSION || !payload || !signature || token.length > 2048) throw invalid();
  const expected = mac(secret, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(claims) || claims.length !== 3 || !claims.every((c) => typeof c === 'string')) throw invalid();
  const [envelopeId, recipientId, recipientKey] = claims as [string, string, string];
  return { envelopeId, recipientId, recipientKey };
}
