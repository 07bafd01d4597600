import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { AppError, AppErrorCode } from '@signet/shared';

// SSRF guard: a subscriber URL may not point into Signet's own network. Checked when the subscription is made
// (scheme, literal addresses) and again at every connection, on the addresses DNS actually returned — the
// checked address is the one connected to, so a name that later resolves elsewhere (DNS rebinding) is caught.

const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv6');
}

function rejected(message: string): AppError {
  return new AppError(AppErrorCode.WEBHOOK_URL_REJECTED, { message });
}

/** True for loopback, private, link-local, CGNAT, multicast and reserved addresses (IPv4-mapped IPv6 too). */
export function isBlockedAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return BLOCKED.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The subscriber URL, checked: https only (http too when `allowInsecure`), no credentials, and — unless
 * `allowInsecure` — no literal private or loopback address or `localhost`. WEBHOOK_URL_REJECTED otherwise.
 */
export function checkWebhookUrl(text: string, allowInsecure: boolean): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw rejected('the webhook URL is not a valid absolute URL');
  }
  const schemes = allowInsecure ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol)) throw rejected('the webhook URL must use https');
  if (url.username || url.password) throw rejected('the webhook URL may not contain credentials');
  if (allowInsecure) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) throw rejected('the webhook URL may not name this host');
  if (isIP(host) !== 0 && isBlockedAddress(host)) {
    throw rejected('the webhook URL names a private, loopback or link-local address');
  }
  return url;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request that resolves the name and refuses the connection when any returned address is
 * blocked. `allowInsecure` (dev and tests) lets loopback and private receivers through.
 */
export function guardedLookup(allowInsecure: boolean) {
  return (hostname: string, options: object, callback: LookupCallback): void => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) {
        callback(error, []);
        return;
      }
      const blocked = !allowInsecure && addresses.some((entry) => isBlockedAddress(entry.address));
      if (blocked) {
        callback(rejected(`${hostname} resolves to a private, loopback or link-local address`), []);
        return;
      }
      const all = (options as { all?: boolean }).all === true;
      const first = addresses[0];
      if (all) callback(null, addresses);
      else if (first) callback(null, first.address, first.family);
      else callback(rejected(`${hostname} has no address`), []);
    });
  };
}
