import { createHash, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { AppError, AppErrorCode } from '../../errors/app-error';

// pkijs looks for a global WebCrypto engine; Node's is set explicitly (as the worker's sealer does).
pkijs.setEngine('node-webcrypto', new pkijs.CryptoEngine({ name: 'node-webcrypto', crypto: webcrypto }));

export const OID = {
  signedData: '1.2.840.113549.1.7.2',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
} as const;

/** A parsed CMS SignedData with its first signer. */
export type ParsedCms = { signedData: pkijs.SignedData; signerInfo: pkijs.SignerInfo; signer?: pkijs.Certificate };

export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

export function sha256(bytes: Uint8Array): Buffer {
  return createHash('sha256').update(bytes).digest();
}

/** Parses a DER ContentInfo holding SignedData (trailing zero padding of /Contents is ignored by BER parsing). */
export function parseCms(der: Uint8Array): ParsedCms {
  const parsed = asn1js.fromBER(toArrayBuffer(der));
  if (parsed.offset === -1) throw damaged('the signature is not valid DER');
  const contentInfo = new pkijs.ContentInfo({ schema: parsed.result });
  if (contentInfo.contentType !== OID.signedData) throw damaged('the signature is not CMS SignedData');
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo) throw damaged('the signature has no signer');
  return { signedData, signerInfo, signer: findSigner(signedData, signerInfo) };
}

function findSigner(signedData: pkijs.SignedData, signerInfo: pkijs.SignerInfo): pkijs.Certificate | undefined {
  const certificates = (signedData.certificates ?? []).filter((c) => c instanceof pkijs.Certificate);
  const sid = signerInfo.sid as unknown;
  if (sid instanceof pkijs.IssuerAndSerialNumber)
    return certificates.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber));
  return certificates[0];
}

export function signedAttribute(info: pkijs.SignerInfo, type: string): pkijs.Attribute | undefined {
  return info.signedAttrs?.attributes.find((a) => a.type === type);
}

export function unsignedAttribute(info: pkijs.SignerInfo, type: string): pkijs.Attribute | undefined {
  return info.unsignedAttrs?.attributes.find((a) => a.type === type);
}

/**
 * Checks the message-digest attribute against `data` itself (detached signatures), then lets pkijs verify the
 * signature over the signed attributes and the digest again. For a timestamp token (`isToken`) the digest is
 * over the encapsulated TSTInfo, and pkijs checks the TSTInfo imprint against `data`.
 * Returns the problem, or undefined when the signature holds.
 */
export async function checkSignature(cms: ParsedCms, data: Uint8Array, isToken = false): Promise<string | undefined> {
  if (!cms.signer) return 'the signer certificate is not in the signature';
  if (!isToken) {
    const digest = signedAttribute(cms.signerInfo, OID.messageDigest)?.values[0] as unknown;
    if (!(digest instanceof asn1js.OctetString)) return 'no message-digest attribute';
    if (!Buffer.from(digest.valueBlock.valueHexView).equals(sha256(data))) return 'the signed bytes were changed';
  }
  try {
    const ok = await cms.signedData.verify({
      signer: 0,
      data: toArrayBuffer(data),
      checkChain: false,
      extendedMode: false,
    });
    return ok ? undefined : 'the signature value does not verify';
  } catch (error) {
    return `the signature does not verify: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** The TSTInfo of a timestamp token (SignedData whose eContent is a TSTInfo). */
export function readTstInfo(cms: ParsedCms): pkijs.TSTInfo {
  const eContent = cms.signedData.encapContentInfo.eContent;
  if (cms.signedData.encapContentInfo.eContentType !== OID.tstInfo || !eContent)
    throw damaged('the token carries no TSTInfo');
  const parsed = asn1js.fromBER(toArrayBuffer(new Uint8Array(eContent.getValue())));
  return new pkijs.TSTInfo({ schema: parsed.result });
}

const NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.5': 'serialNumber',
  '2.5.4.97': 'organizationIdentifier',
  '1.2.840.113549.1.9.1': 'emailAddress',
};

/** `CN=…, O=…, C=…` from a certificate subject. */
export function subjectOf(certificate: pkijs.Certificate): string {
  return certificate.subject.typesAndValues
    .map((tv) => `${NAMES[tv.type] ?? tv.type}=${String(tv.value.valueBlock.value)}`)
    .join(', ');
}

function damaged(message: string): AppError {
  return new AppError(AppErrorCode.INVALID_DOCUMENT, { message });
}
