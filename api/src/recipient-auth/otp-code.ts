import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** Six digits, uniformly from `crypto.randomInt` (never Math.random). */
export function generateOtpCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}

/** A fresh 128-bit salt for one code. */
export function newOtpSalt(): Buffer {
  return randomBytes(16);
}

/** HMAC-SHA256 of the code under its own salt: the database never holds a code that could be read back. */
export function hashOtpCode(code: string, salt: Uint8Array): Buffer {
  return createHmac('sha256', salt).update(code, 'utf8').digest();
}

/** Constant-time comparison of a guess with the stored hash. */
export function otpMatches(guess: string, salt: Uint8Array, storedHash: Uint8Array): boolean {
  const computed = hashOtpCode(guess, salt);
  const stored = Buffer.from(storedHash);
  return stored.length === computed.length && timingSafeEqual(stored, computed);
}
