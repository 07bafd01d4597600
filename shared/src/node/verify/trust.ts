import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer } from './cms';

/** Certificates from PEM text (one or more CERTIFICATE blocks each). */
export function parsePemCertificates(pems: string[]): pkijs.Certificate[] {
  const blocks = pems.flatMap((pem) => [
    ...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g),
  ]);
  return blocks.map((m) => {
    const der = Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64');
    return new pkijs.Certificate({ schema: asn1js.fromBER(toArrayBuffer(der)).result });
  });
}

/**
 * True when `leaf` chains to one of `roots` through `intermediates` (signatures and validity at `checkDate`).
 * Revocation is not checked here: that is the validators' job (pyHanko, EU DSS) in the test suite.
 */
export async function chainsToRoot(
  leaf: pkijs.Certificate,
  intermediates: pkijs.Certificate[],
  roots: pkijs.Certificate[],
  checkDate: Date,
): Promise<boolean> {
  try {
    const engine = new pkijs.CertificateChainValidationEngine({
      trustedCerts: roots,
      certs: [leaf, ...intermediates.filter((c) => c !== leaf)],
      checkDate,
    });
    return (await engine.verify()).result;
  } catch {
    return false;
  }
}
