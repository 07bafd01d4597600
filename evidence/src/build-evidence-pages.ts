import type { TAuditEvent } from '@signet/shared';
import { PDFDocument } from 'pdf-lib';
import { attachEvidenceJson } from './attach-evidence-json';
import { addAuditTrailPages } from './audit-trail';
import type { AuditTrailOptions, EvidencePages, EvidencePagesInput } from './evidence-content';
import { evidenceJson } from './evidence-json';
import { embedEvidenceFonts } from './fonts';
import { addSignaturePages } from './signature-page';

async function createEvidenceDocument(title: string, at: string | undefined): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  // Fixed metadata (no "now"): the same input gives the same bytes, so a retried activity stages the same file.
  const date = at && !Number.isNaN(Date.parse(at)) ? new Date(at) : new Date(0);
  doc.setTitle(title);
  doc.setProducer('Signet');
  doc.setCreator('Signet');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  return doc;
}

async function saveEvidence(doc: PDFDocument): Promise<Uint8Array> {
  // A classic xref table and no object streams: simplest for the incremental copy and for any reader. No yield to
  // the event loop every 50 objects (pdf-lib's default, each a setTimeout of at least a millisecond).
  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
}

/**
 * The evidence of a completed envelope as a standalone PDF: the signature page(s) (each recipient's name,
 * e-mail, role, on-behalf-of organisation, action, time in UTC and the sender's zone, authentication, typed
 * and drawn signature; the SHA-256 of the original), then the audit trail page(s). Unicode throughout
 * (DejaVu Sans, CJK from Droid Sans Fallback). Append it to the original with `appendPagesIncrementally`.
 */
export async function buildEvidencePages(input: EvidencePagesInput): Promise<EvidencePages> {
  const doc = await createEvidenceDocument(`Signature page and audit trail: ${input.subject}`, input.completedAt);
  // Everything the pages draw comes from the input, so its JSON (images left out) holds every character they need.
  const text = JSON.stringify(input, (_key, value: unknown) => (value instanceof Uint8Array ? undefined : value));
  const fonts = await embedEvidenceFonts(doc, text);
  const signaturePageCount = await addSignaturePages(doc, fonts, input);
  if (input.attachJson !== false) {
    attachEvidenceJson(doc, doc.getPage(0), evidenceJson(input), new Date(Date.parse(input.completedAt) || 0));
  }
  const auditPageCount = addAuditTrailPages(doc, fonts, input.audit, {
    envelopeId: input.envelopeId,
    subject: input.subject,
    senderTimeZone: input.senderTimeZone,
    originalSha256: input.originalSha256,
  });
  const bytes = await saveEvidence(doc);
  return { bytes, signaturePageCount, auditPageCount, pageCount: signaturePageCount + auditPageCount };
}

/** The audit trail alone, as the separate downloadable PDF. */
export async function buildAuditTrailPdf(events: TAuditEvent[], options: AuditTrailOptions = {}): Promise<Uint8Array> {
  const last = events[events.length - 1]?.at;
  const doc = await createEvidenceDocument(`Audit trail${options.subject ? `: ${options.subject}` : ''}`, last);
  const fonts = await embedEvidenceFonts(doc, JSON.stringify({ events, options }));
  addAuditTrailPages(doc, fonts, events, options);
  return saveEvidence(doc);
}
