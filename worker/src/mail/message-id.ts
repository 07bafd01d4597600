import { createHash } from 'node:crypto';

/**
 * The Message-ID of a mail, derived from its idempotency key: every retry of one mail carries the same id,
 * so receiving servers and clients can drop the duplicate when an attempt was delivered but not acknowledged.
 */
export function messageIdOf(idempotencyKey: string): string {
  return `<${createHash('sha256').update(idempotencyKey, 'utf8').digest('hex')}@signet>`;
}
