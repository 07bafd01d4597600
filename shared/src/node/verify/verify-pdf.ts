import { AppError, AppErrorCode } from '../../errors/app-error';
import type { CheckedSignature } from './check-signature';
import { checkRawSignature } from './check-signature';
import { readEmbeddedRecipients } from './embedded-audit';
import { findFieldName, findRevisionEnds, findSignatures, nameEntry, parsePdfDate, stringEntry } from './pdf-scan';
import type { RawSignature } from './pdf-scan';
import type { LaterRevision } from './revisions';
import { classifyLaterRevisions, modifiedAfter } from './revisions';
import { chainsToRoot, parsePemCertificates } from './trust';
import type { SignatureReport, VerifiedLevel, VerifyPdfOptions, VerifyReport } from './types';

const HEADER_WINDOW = 1024;

/**
 * Reports every signature and document timestamp of a PDF: whether it verifies over its byte ranges, the
 * PAdES level it reaches, its timestamp, trust (with `trustedRoots`) and what changed after it.
 * Throws NOT_A_PDF without a `%PDF-` header and INVALID_DOCUMENT for an empty file or one without `%%EOF`.
 */
export async function verifyPdf(bytes: Uint8Array, options: VerifyPdfOptions = {}): Promise<VerifyReport> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length === 0) throw new AppError(AppErrorCode.INVALID_DOCUMENT, { message: 'the file is empty' });
  if (buffer.subarray(0, HEADER_WINDOW).indexOf('%PDF-') === -1)
    throw new AppError(AppErrorCode.NOT_A_PDF, { message: 'the file is not a PDF' });
  const revisionEnds = findRevisionEnds(buffer);
  if (revisionEnds.length === 0)
    throw new AppError(AppErrorCode.INVALID_DOCUMENT, { message: 'the PDF has no %%EOF marker (truncated?)' });
  const roots = options.trustedRoots ? parsePemCertificates(options.trustedRoots) : undefined;
  const signatures: SignatureReport[] = [];
  for (const raw of findSignatures(buffer)) signatures.push(await reportSignature(buffer, raw, revisionEnds, roots));
  const recipients = readEmbeddedRecipients(buffer);
  return { revisions: revisionEnds.length, signatures, ...(recipients ? { recipients } : {}) };
}

async function reportSignature(
  bytes: Buffer,
  raw: RawSignature,
  revisionEnds: number[],
  roots: ReturnType<typeof parsePemCertificates> | undefined,
): Promise<SignatureReport> {
  const kind = nameEntry(raw.dictionary, 'Type') === 'DocTimeStamp' ? 'document-timestamp' : 'signature';
  const checked = await checkRawSignature(bytes, raw, kind);
  const later = classifyLaterRevisions(bytes, revisionEnds, raw.byteRange[2] + raw.byteRange[3]);
  const fieldName = findFieldName(bytes, raw.objectNumber);
  const subFilter = nameEntry(raw.dictionary, 'SubFilter');
  const claimedTime = parsePdfDate(stringEntry(raw.dictionary, 'M'));
  const trusted = roots ? await isTrusted(checked, roots) : undefined;
  return {
    kind,
    ...(fieldName !== undefined ? { fieldName } : {}),
    ...(subFilter ? { subFilter } : {}),
    ...(checked.signerSubject ? { signerSubject: checked.signerSubject } : {}),
    valid: checked.problem === undefined,
    ...(checked.problem ? { problem: checked.problem } : {}),
    ...(claimedTime ? { claimedTime } : {}),
    ...(checked.timestamp ? { timestamp: checked.timestamp.toISOString() } : {}),
    level: levelOf(checked, subFilter, later),
    ...(trusted !== undefined ? { trusted } : {}),
    modifiedAfter: modifiedAfter(later),
    byteRange: raw.byteRange,
  };
}

/**
 * B-B: ETSI.CAdES.detached with signing-certificate-v2 and no signing-time; B-T: + a signature timestamp;
 * B-LT: + a later DSS with certificates and OCSP/CRL; B-LTA: + a document timestamp after that DSS.
 */
function levelOf(checked: CheckedSignature, subFilter: string | undefined, later: LaterRevision[]): VerifiedLevel {
  if (checked.kind !== 'signature' || subFilter !== 'ETSI.CAdES.detached' || !checked.isBaseline) return 'none';
  if (!checked.hasSignatureTimestamp) return 'B-B';
  const dssAt = later.findIndex((r) => r.kind === 'dss' && r.hasValidationData);
  if (dssAt === -1) return 'B-T';
  return later.slice(dssAt + 1).some((r) => r.kind === 'document-timestamp') ? 'B-LTA' : 'B-LT';
}

async function isTrusted(checked: CheckedSignature, roots: ReturnType<typeof parsePemCertificates>): Promise<boolean> {
  const signer = checked.cms?.signer;
  if (!checked.cms || !signer) return false;
  const pool = (checked.cms.signedData.certificates ?? []).filter((c) => c !== signer);
  const certificates = pool.filter((c): c is typeof signer => 'subjectPublicKeyInfo' in c);
  return chainsToRoot(signer, certificates, roots, checked.timestamp ?? new Date());
}
