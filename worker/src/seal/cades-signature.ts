import { AppError, AppErrorCode } from '@signet/shared/errors';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID, parseCertificate, parseDer, sha256, toArrayBuffer } from './pki';
import type { SealSigner } from './seal-signer';

/** A CAdES signature before serialisation, so a timestamp can be added over its signature value. */
export type CadesSignature = {
  signedData: pkijs.SignedData;
  signerInfo: pkijs.SignerInfo;
  signatureValue: Uint8Array;
};

/**
 * Builds a detached CAdES-BASELINE-B SignedData over `contentDigest` (SHA-256 of the PDF byte ranges).
 * Signed attributes: content-type, message-digest, signing-certificate-v2. Never signing-time: PAdES
 * baseline forbids it (EN 319 142-1 §6.3); the claimed time is the signature dictionary's /M.
 */
export async function createCadesSignature(signer: SealSigner, contentDigest: Uint8Array): Promise<CadesSignature> {
  const chain = signer.certificateChain.map(parseCertificate);
  const leaf = chain[0];
  const leafDer = signer.certificateChain[0];
  if (!leaf || !leafDer) throw new AppError(AppErrorCode.SEAL_FAILED, { message: 'the signer has no certificate' });
  const attributes = sortByDer([
    attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.data })),
    attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: toArrayBuffer(contentDigest) })),
    attribute(OID.signingCertificateV2, signingCertificateV2(leaf, leafDer)),
  ]);
  // The signature covers the DER of the attributes as a SET (tag 0x31), not the [0] IMPLICIT encoding.
  const toSign = new asn1js.Set({ value: attributes.map((a) => a.toSchema()) }).toBER(false);
  const signatureValue = await signer.sign(new Uint8Array(toSign), 'SHA-256');
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: leaf.issuer, serialNumber: leaf.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
    signatureAlgorithm: new pkijs.AlgorithmIdentifier(
      signer.keyType === 'RSA'
        ? { algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() }
        : { algorithmId: OID.ecdsaWithSha256 },
    ),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(signatureValue) }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    certificates: chain,
    signerInfos: [signerInfo],
  });
  return { signedData, signerInfo, signatureValue };
}

/** Adds an RFC 3161 token as the signature-time-stamp unsigned attribute (B-T). */
export function addSignatureTimestamp(signature: CadesSignature, timeStampToken: Uint8Array): void {
  const token = attribute(OID.signatureTimeStampToken, parseDer(timeStampToken, 'timestamp token'));
  signature.signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 1, attributes: [token] });
}

/** The DER ContentInfo that goes into /Contents. */
export function encodeCadesSignature(signature: CadesSignature): Uint8Array {
  const contentInfo = new pkijs.ContentInfo({
    contentType: OID.signedData,
    content: signature.signedData.toSchema(),
  });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

function attribute(type: string, value: asn1js.AsnType): pkijs.Attribute {
  return new pkijs.Attribute({ type, values: [value] });
}

/**
 * DER orders a SET OF by the encodings of its elements. Validators built on BouncyCastle re-encode the
 * attributes before checking the signature, so an unsorted set reads as "not intact" there.
 */
function sortByDer(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((a) => ({ a, der: Buffer.from(a.toSchema().toBER(false)) }));
  return encoded.sort((x, y) => Buffer.compare(x.der, y.der)).map((e) => e.a);
}

/** SigningCertificateV2 with one ESSCertIDv2: SHA-256 (the default, so omitted) of the DER + issuerSerial. */
function signingCertificateV2(leaf: pkijs.Certificate, leafDer: Uint8Array): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [leaf.issuer.toSchema()] })],
      }),
      leaf.serialNumber,
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: toArrayBuffer(sha256(leafDer)) }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}
