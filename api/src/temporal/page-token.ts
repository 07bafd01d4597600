import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError, AppErrorCode } from '@signet/shared';

// Visibility page tokens handed to clients carry an HMAC, so a forged or mangled token is refused at once.
// Without it the token went to Temporal, whose SQL visibility store answers gRPC UNKNOWN for one it cannot
// decode; the client retries UNKNOWN with backoff, so each forged token held a request for ~20 s.

const MAC_BYTES = 16;
/** Domain separation: the link secret also signs recipient links. */
const PURPOSE = 'signet-page-token\0';

function macOf(secret: string, raw: Uint8Array): Buffer {
  return createHmac('sha256', secret).update(PURPOSE).update(raw).digest().subarray(0, MAC_BYTES);
}

/** `<base64url(server token)>.<base64url(mac)>`. */
export function signPageToken(secret: string, raw: Uint8Array): string {
  return `${Buffer.from(raw).toString('base64url')}.${macOf(secret, raw).toString('base64url')}`;
}

/** The server's token back; VALIDATION_FAILED when the text was not made by `signPageToken` with `secret`. */
export function openPageToken(secret: string, token: string): Buffer {
  const [body, mac, extra] = token.split('.');
  const raw = Buffer.from(body ?? '', 'base64url');
  const given = Buffer.from(mac ?? '', 'base64url');
  if (extra !== undefined || given.length !== MAC_BYTES || !timingSafeEqual(given, macOf(secret, raw))) {
    throw new AppError(AppErrorCode.VALIDATION_FAILED, { message: 'nextPageToken is not valid' });
  }
  return raw;
}
