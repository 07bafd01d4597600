import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { randomId } from '@signet/shared/node';

/**
 * `signet_<prefix>_<secret>`: the prefix (16 hex characters, 64 random bits) is public and finds the row;
 * the secret is 33 random bytes in base64url (264 bits, ≥ 256 after randomId's leading-character rule).
 * The `signet_` head makes leaked keys easy to spot in logs and by secret scanners.
 */
const TOKEN = /^signet_([0-9a-f]{16})_([A-Za-z0-9_-]{44})$/;
const SECRET_BYTES = 33;

export type ApiKeyToken = { token: string; prefix: string };

export function mintApiKeyToken(): ApiKeyToken {
  const prefix = randomBytes(8).toString('hex');
  return { token: `signet_${prefix}_${randomId(SECRET_BYTES)}`, prefix };
}

/** The lookup prefix of a well-formed key, or undefined. */
export function prefixOfApiKey(token: string): string | undefined {
  return TOKEN.exec(token)?.[1];
}

/** True when a bearer token is meant as an API key (rather than the operator token). */
export function looksLikeApiKey(token: string): boolean {
  return token.startsWith('signet_');
}

/**
 * SHA-256 of the whole key. A fast hash is enough because the secret has 256 random bits: nobody can
 * search that space, slow or fast, while scrypt or bcrypt would spend CPU on every request
 * (docs/decisions/0011-database.md). The prefix is hashed too, so a row's hash only matches its own prefix.
 */
export function hashApiKey(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Digest comparison in constant time (both are 32-byte SHA-256 digests). */
export function digestsMatch(given: Uint8Array, stored: Uint8Array): boolean {
  return given.length === stored.length && timingSafeEqual(given, stored);
}
