export { appendPagesIncrementally } from './append-pages';
export { auditTrailJson } from './audit-trail';
export { buildAuditTrailPdf, buildEvidencePages } from './build-evidence-pages';
export type { AuditTrailOptions, EvidencePages, EvidencePagesInput, EvidenceSignature } from './evidence-content';
export { MAX_SIGNATURE_PNG_BYTES, MAX_SIGNATURE_PNG_SIDE } from './signature-image';
export { declaredPdfaPart } from './declared-pdfa-part';
export { EVIDENCE_JSON_NAME, evidenceJson } from './evidence-json';
