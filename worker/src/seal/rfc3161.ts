import { randomBytes } from 'node:crypto';
import { AppError, AppErrorCode } from '@signet/shared/errors';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID, parseDer, toArrayBuffer } from './pki';

/**
 * A TimeStampReq with a random nonce (about 63 bits) and certReq=true (so the token carries the TSA certificate).
 * `random` is injectable for tests only.
 */
export function createTimestampRequest(
  digest: Uint8Array,
  random: (size: number) => Buffer = randomBytes,
): { der: Uint8Array; nonce: Buffer } {
  const nonce = random(8);
  // DER INTEGERs are minimal and signed: a first byte of 0x00 (with the next below 0x80) is illegal padding that
  // OpenSSL refuses as a bad request, and 0x80+ would make it negative. So the first byte is always 0x01..0x7f.
  nonce[0] = 1 + ((nonce[0] ?? 0) % 0x7f);
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(digest) }),
    }),
    nonce: new asn1js.Integer({ valueHex: toArrayBuffer(nonce) }),
    certReq: true,
  });
  return { der: new Uint8Array(request.toSchema().toBER(false)), nonce };
}

/**
 * Checks a TimeStampResp: status granted (or with modifications), a token present, and a TSTInfo whose
 * imprint and nonce are the ones asked for. Returns the token's DER. Fails with TSA_UNAVAILABLE.
 */
export function readTimestampResponse(der: Uint8Array, digest: Uint8Array, nonce: Buffer): Uint8Array {
  const fail = (message: string, cause?: unknown): AppError =>
    new AppError(AppErrorCode.TSA_UNAVAILABLE, { message: `timestamp response: ${message}`, cause });
  let response: pkijs.TimeStampResp;
  try {
    response = new pkijs.TimeStampResp({ schema: parseDer(der, 'timestamp response') });
  } catch (cause) {
    throw fail('not a TimeStampResp', cause);
  }
  const status = response.status.status;
  if (status !== pkijs.PKIStatus.granted && status !== pkijs.PKIStatus.grantedWithMods) {
    // The TSA's own words (PKIFreeText) say why, e.g. "Bad request format" or "Unsupported policy".
    const text = (response.status.statusStrings ?? []).map((s) => s.valueBlock.value).join('; ');
    throw fail(`refused with status ${status}${text ? ` (${text})` : ''}`);
  }
  if (!response.timeStampToken) throw fail('no token');
  const tstInfo = readTstInfo(response.timeStampToken);
  if (!Buffer.from(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView).equals(Buffer.from(digest))) {
    throw fail('imprint does not match the request');
  }
  if (!tstInfo.nonce || !Buffer.from(tstInfo.nonce.valueBlock.valueHexView).equals(nonce)) {
    throw fail('nonce does not match the request');
  }
  return new Uint8Array(response.timeStampToken.toSchema().toBER(false));
}

/** The TSTInfo inside a token (ContentInfo → SignedData → eContent). */
export function readTstInfo(token: pkijs.ContentInfo): pkijs.TSTInfo {
  const signedData = new pkijs.SignedData({ schema: token.content });
  const eContent = signedData.encapContentInfo.eContent;
  if (signedData.encapContentInfo.eContentType !== OID.tstInfo || !eContent) {
    throw new AppError(AppErrorCode.TSA_UNAVAILABLE, { message: 'timestamp token carries no TSTInfo' });
  }
  return new pkijs.TSTInfo({ schema: parseDer(new Uint8Array(eContent.getValue()), 'TSTInfo') });
}

/** The certificates a token carries (the TSA chain when certReq was set). */
export function timestampCertificates(tokenDer: Uint8Array): pkijs.Certificate[] {
  const token = new pkijs.ContentInfo({ schema: parseDer(tokenDer, 'timestamp token') });
  const signedData = new pkijs.SignedData({ schema: token.content });
  return (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
}
