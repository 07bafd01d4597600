// `@signet/evidence`: what a completed envelope's evidence looks like, as PDF pages and JSON. Node only (fonts are
// read from disk). The worker appends the pages to the original and seals them; the API renders the audit trail PDF
// on demand. Nothing here touches an original document or a key.
export { attachEvidenceJson } from './attach-evidence-json';
export { buildAuditTrailPdf, buildEvidencePages } from './build-evidence-pages';
export { buildFooterPdf, footerText } from './build-footer-pdf';
export { declaredPdfaPart } from './declared-pdfa-part';
export type { AuditTrailOptions, EvidencePages, EvidencePagesInput, EvidenceSignature } from './evidence-content';
export { EVIDENCE_JSON_NAME, evidenceJson } from './evidence-json';
export { formatDateTime } from './format-date-time';
export { MAX_SIGNATURE_PNG_BYTES, MAX_SIGNATURE_PNG_SIDE } from './signature-image';
