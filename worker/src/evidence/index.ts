// The evidence pages come from @signet/evidence; appending them to an original is the worker's (it shares the seal's
// incremental-update writer).
export { appendPagesIncrementally, appendPagesToRevision, hasSignatures } from './append-pages';
export type { AppendPagesOptions } from './append-pages';
export { auditTrailJson } from '@signet/shared/audit-trail';
export {
  buildAuditTrailPdf,
  buildEvidencePages,
  buildFooterPdf,
  declaredPdfaPart,
  EVIDENCE_JSON_NAME,
  evidenceJson,
  footerText,
  MAX_SIGNATURE_PNG_BYTES,
  MAX_SIGNATURE_PNG_SIDE,
} from '@signet/evidence';
export type { AuditTrailOptions, EvidencePages, EvidencePagesInput, EvidenceSignature } from '@signet/evidence';
