import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { AppError, AppErrorCode } from '@signet/shared';

// Webhook signing secrets must be usable for signing, so unlike API keys they cannot be stored as hashes.
// They are stored sealed with AES-256-GCM under a key derived (HKDF-SHA256) from SIGNET_LINK_SECRET: a copy of
// the database alone does not reveal them (docs/decisions/0016).

const PREFIX = 'whsec_';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const INFO = 'signet webhook secret v1';

/** A new signing secret: `whsec_` + 256 random bits (base64url). */
export function newWebhookSecret(): string {
  return `${PREFIX}${randomBytes(32).toString('base64url')}`;
}

function keyOf(masterSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', masterSecret, 'signet', INFO, 32));
}

/** `iv ‖ tag ‖ ciphertext`; the subscription id is authenticated too, so a sealed secret cannot be moved to another row. */
export function sealSecret(masterSecret: string, subscriptionId: string, secret: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyOf(masterSecret), iv);
  cipher.setAAD(Buffer.from(subscriptionId, 'utf8'));
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** The secret back; INTERNAL when the sealed value was altered or the link secret changed. */
export function openSecret(masterSecret: string, subscriptionId: string, sealed: Uint8Array): string {
  try {
    const bytes = Buffer.from(sealed);
    const decipher = createDecipheriv('aes-256-gcm', keyOf(masterSecret), bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(subscriptionId, 'utf8'));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch (cause) {
    throw new AppError(AppErrorCode.INTERNAL, {
      message: 'a webhook secret cannot be opened (SIGNET_LINK_SECRET changed?)',
      cause,
    });
  }
}
