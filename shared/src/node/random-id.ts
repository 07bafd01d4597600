import { randomBytes } from 'node:crypto';

/** A URL-safe random id with `bytes` bytes of entropy (default 16 = 128 bits). */
export function randomId(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}
