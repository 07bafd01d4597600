import { createHash, webcrypto } from 'node:crypto';
import { AppError, AppErrorCode } from '@signet/shared/errors';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

// pkijs looks for a global WebCrypto engine; Node's is set once so PFX decryption and OCSP CertIDs work.
pkijs.setEngine(
  'node-webcrypto',
  new pkijs.CryptoEngine({
    name: 'node-webcrypto',
    crypto: webcrypto,
  }),
);

/** OIDs used by the seal, named once. */
export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  crlDistributionPoints: '2.5.29.31',
  accessOcsp: '1.3.6.1.5.5.7.48.1',
  ocspBasic: '1.3.6.1.5.5.7.48.1.1',
} as const;

/** A copy of `bytes` as a standalone ArrayBuffer (pkijs and asn1js want ArrayBuffers, not views). */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

export function sha256(bytes: Uint8Array): Buffer {
  return createHash('sha256').update(bytes).digest();
}

/** Parses DER or fails with SEAL_FAILED naming `what`. */
export function parseDer(bytes: Uint8Array, what: string): asn1js.AsnType {
  const parsed = asn1js.fromBER(toArrayBuffer(bytes));
  if (parsed.offset === -1) throw new AppError(AppErrorCode.SEAL_FAILED, { message: `${what} is not valid DER` });
  return parsed.result;
}

export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  try {
    return new pkijs.Certificate({ schema: parseDer(der, 'certificate') });
  } catch (cause) {
    if (cause instanceof AppError) throw cause;
    throw new AppError(AppErrorCode.SEAL_FAILED, { message: 'not an X.509 certificate', cause });
  }
}

export function certificateDer(certificate: pkijs.Certificate): Uint8Array {
  return new Uint8Array(certificate.toSchema().toBER(false));
}

/** True when the certificate names itself as issuer (a root: nothing to check revocation against). */
export function isSelfIssued(certificate: pkijs.Certificate): boolean {
  return certificate.subject.isEqual(certificate.issuer);
}

/** Finds the issuer of `certificate` among `pool` by name (the pool is small: seal and TSA chains). */
export function findIssuer(certificate: pkijs.Certificate, pool: pkijs.Certificate[]): pkijs.Certificate | undefined {
  return pool.find((candidate) => candidate.subject.isEqual(certificate.issuer) && candidate !== certificate);
}

/** Splits a PEM bundle into DER blocks of the given label (e.g. CERTIFICATE). */
export function pemBlocks(pem: string, label: string): Uint8Array[] {
  const pattern = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`, 'g');
  return [...pem.matchAll(pattern)].map((m) => new Uint8Array(Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64')));
}
