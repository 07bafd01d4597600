export { appendPagesIncrementally } from './append-pages';
// The audit trail JSON format is defined once, in @signet/shared; re-exported for the worker's callers.
export { auditTrailJson } from '@signet/shared/audit-trail';
export { buildAuditTrailPdf, buildEvidencePages } from './build-evidence-pages';
export type { AuditTrailOptions, EvidencePages, EvidencePagesInput, EvidenceSignature } from './evidence-content';
export { MAX_SIGNATURE_PNG_BYTES, MAX_SIGNATURE_PNG_SIDE } from './signature-image';
export { declaredPdfaPart } from './declared-pdfa-part';
export { EVIDENCE_JSON_NAME, evidenceJson } from './evidence-json';
