import { createHmac } from 'node:crypto';

/**
 * `Signet-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. The key is the whole secret
 * string as UTF-8 (`whsec_…`); receivers recompute it over the raw body and reject old timestamps (replays).
 */
export function signatureHeaderOf(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`, 'utf8').digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}
