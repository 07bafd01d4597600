import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url: session tokens and OpenID Connect `state`, `nonce` and PKCE verifiers. */
export function mintSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of a secret, as stored: the database never holds a usable session token, state or link key. */
export function hashSecret(secret: string, purpose: string): Buffer {
  return createHash('sha256').update(`${purpose}:${secret}`).digest();
}
