import { createHash } from 'node:crypto';
import type { SealDocumentInput, SealDocumentResult } from '@signet/workflows';
import type { EvidencePagesInput } from '../evidence';
import { buildEvidencePages, buildFooterPdf, declaredPdfaPart, footerText, hasSignatures } from '../evidence';
import type { ActivityDeps } from './activity-deps';
import { nowOf } from './activity-deps';

const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Completes a document: the signature page and the audit trail appended to the untouched original as an
 * incremental update with a footer naming the envelope on every original page (an original that is already signed
 * keeps its pages untouched and gets its evidence as a separate sealed PDF, so its signatures stay valid), then the platform's PAdES seal over everything (its own incremental updates), and the
 * result staged outside the visible library. The original is only read, never written; nothing reaches the
 * library until storeSignedCopy commits the staged file, so a failed seal leaves nothing half-written.
 *
 * A retry seals again: the timestamp and the claimed signing time differ, so it stages new bytes under the
 * same key, and the result (with its hash) always describes the file that is staged.
 */
export async function sealDocument(deps: ActivityDeps, input: SealDocumentInput): Promise<SealDocumentResult> {
  const original = await deps.library.read(input.document.ref.path);
  const originalSha256 = sha256Hex(original);
  // PDF/A-1/2 forbid non-PDF/A attachments: the audit stays on its pages, the JSON stays out.
  const attachJson = (declaredPdfaPart(original) ?? 3) >= 3;
  const evidenceInput: EvidencePagesInput = {
    envelopeId: input.envelopeId,
    subject: input.subject,
    documentName: input.document.name,
    completedAt: input.completedAt,
    originalSha256,
    signatures: input.signatures.map(({ signatureImagePng, ...line }) =>
      signatureImagePng ? { ...line, drawnSignaturePng: Buffer.from(signatureImagePng, 'base64') } : line,
    ),
    audit: input.audit ?? [],
    attachJson,
    ...(input.senderTimeZone ? { senderTimeZone: input.senderTimeZone } : {}),
  };
  const evidence = await buildEvidencePages(evidenceInput);
  const signingTime = nowOf(deps);
  // An original that is already signed keeps its pages untouched: validators read pages added after a signature
  // as an illegal change (pyHanko: ILLEGAL_MODIFICATIONS). It gets the seal alone, and the evidence becomes a
  // separate sealed PDF stored beside it.
  const separate = hasSignatures(original);
  const sealed = separate
    ? await deps.sealer.seal(original, { signingTime })
    : await deps.sealer.seal(original, {
        signingTime,
        evidencePdf: evidence.bytes,
        footerPdf: await buildFooterPdf(footerText(input.envelopeId)),
      });
  const sealedSha256 = sha256Hex(sealed);
  const stagedKey = await deps.library.stage(input.envelopeId, input.document.documentId, Buffer.from(sealed));
  const evidenceStagedKey = separate
    ? await deps.library.stage(
        input.envelopeId,
        `${input.document.documentId}.evidence`,
        Buffer.from(await deps.sealer.seal(evidence.bytes, { signingTime })),
      )
    : undefined;
  deps.logger.info('document sealed', {
    envelopeId: input.envelopeId,
    documentId: input.document.documentId,
    sealLevel: deps.sealer.level,
    evidencePages: evidence.pageCount,
    sealedSha256,
  });
  return {
    originalSha256,
    sealedSha256,
    stagedKey,
    level: deps.sealer.level,
    evidencePages: evidence.pageCount,
    ...(evidenceStagedKey ? { evidenceStagedKey } : {}),
  };
}
