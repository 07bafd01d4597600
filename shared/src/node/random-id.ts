import { randomBytes } from 'node:crypto';

const STARTS_ALPHANUMERIC = /^[A-Za-z0-9]/;

/**
 * A URL-safe random id with `bytes` bytes of entropy (default 16 = 128 bits). It never starts with `-` or `_`:
 * ids are typed on command lines, where a leading `-` reads as an option (`signet status -x…` failed as a
 * usage error). Redrawing keeps the distribution uniform over the allowed ids.
 */
export function randomId(bytes = 16): string {
  for (;;) {
    const id = randomBytes(bytes).toString('base64url');
    if (STARTS_ALPHANUMERIC.test(id)) return id;
  }
}
