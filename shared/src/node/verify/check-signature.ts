import type * as pkijs from 'pkijs';
import type { ParsedCms } from './cms';
import {
  OID,
  checkSignature,
  parseCms,
  readTstInfo,
  sha256,
  signedAttribute,
  subjectOf,
  unsignedAttribute,
} from './cms';
import type { RawSignature } from './pdf-scan';

/** The cryptographic facts of one signature, before revisions and trust are looked at. */
export type CheckedSignature = {
  kind: 'signature' | 'document-timestamp';
  cms?: ParsedCms;
  signerSubject?: string;
  problem?: string;
  /** genTime of the signature timestamp (or of the document timestamp token). */
  timestamp?: Date;
  /** ESS signing-certificate-v2 present and no CMS signing-time: PAdES B-B. */
  isBaseline: boolean;
  hasSignatureTimestamp: boolean;
};

/** The bytes a byte range covers: everything but the /Contents gap. */
export function signedBytes(bytes: Buffer, [, firstLength, secondStart, secondLength]: number[]): Buffer {
  return Buffer.concat([
    bytes.subarray(0, firstLength),
    bytes.subarray(secondStart ?? 0, (secondStart ?? 0) + (secondLength ?? 0)),
  ]);
}

/** Verifies a signature (CAdES / PKCS#7) or a document timestamp (RFC 3161 token over the byte ranges). */
export async function checkRawSignature(
  bytes: Buffer,
  raw: RawSignature,
  kind: CheckedSignature['kind'],
): Promise<CheckedSignature> {
  let cms: ParsedCms;
  try {
    cms = parseCms(raw.contents);
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    return { kind, problem, isBaseline: false, hasSignatureTimestamp: false };
  }
  const data = signedBytes(bytes, raw.byteRange);
  const base = { kind, cms, ...(cms.signer ? { signerSubject: subjectOf(cms.signer) } : {}) };
  if (kind === 'document-timestamp') {
    const token = await checkToken(cms, data);
    return { ...base, ...token, isBaseline: false, hasSignatureTimestamp: false };
  }
  const problem = await checkSignature(cms, data);
  const isBaseline =
    signedAttribute(cms.signerInfo, OID.signingCertificateV2) !== undefined &&
    signedAttribute(cms.signerInfo, OID.signingTime) === undefined;
  const timestamp = await signatureTimestamp(cms.signerInfo);
  return {
    ...base,
    ...(problem ? { problem } : {}),
    ...(timestamp ? { timestamp } : {}),
    isBaseline,
    hasSignatureTimestamp: timestamp !== undefined,
  };
}

/** A timestamp token over `imprinted`: its genTime, or the problem when the imprint or signature fails. */
async function checkToken(token: ParsedCms, imprinted: Uint8Array): Promise<{ timestamp?: Date; problem?: string }> {
  try {
    const info = readTstInfo(token);
    const imprint = Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView);
    const problem = imprint.equals(sha256(imprinted))
      ? await checkSignature(token, imprinted, true)
      : 'the timestamp imprint does not match the signed bytes';
    return { timestamp: info.genTime, ...(problem ? { problem } : {}) };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

/** genTime of the signature-time-stamp unsigned attribute, when present and its imprint matches the signature. */
async function signatureTimestamp(info: pkijs.SignerInfo): Promise<Date | undefined> {
  const value = unsignedAttribute(info, OID.signatureTimeStampToken)?.values[0] as
    { toBER(sizeOnly: boolean): ArrayBuffer } | undefined;
  if (!value) return undefined;
  try {
    const token = parseCms(new Uint8Array(value.toBER(false)));
    const checked = await checkToken(token, new Uint8Array(info.signature.valueBlock.valueHexView));
    return checked.problem ? undefined : checked.timestamp;
  } catch {
    return undefined;
  }
}
