// `@signet/worker/seal`: the PAdES sealer and the evidence pages without the rest of the worker. The root entry also
// loads the Temporal worker SDK (about 190 MB of resident baseline and half a second of start-up); a process that only
// seals (the seal benchmark's child, a future sealing worker thread) imports this one. Nothing here may import
// Temporal, activities or main.ts: test/src/bench/seal-entry.test.ts checks it.
export {
  createHttpRevocationSource,
  createHttpTimestampAuthority,
  createKeySigner,
  loadPemSigner,
  loadPkcs12Signer,
  sealPdf,
  sealPdf as sealPdfPades,
} from './seal';
export type {
  DigestAlgorithm,
  HttpRevocationSourceOptions,
  HttpTimestampAuthorityOptions,
  PadesLevel,
  PemSignerOptions,
  RevocationSource,
  SealKeyType,
  SealPdfOptions,
  SealSigner,
  TimestampAuthority,
} from './seal';
export {
  appendPagesIncrementally,
  auditTrailJson,
  buildAuditTrailPdf,
  buildEvidencePages,
  buildFooterPdf,
  footerText,
  MAX_SIGNATURE_PNG_BYTES,
  MAX_SIGNATURE_PNG_SIDE,
} from './evidence';
export type { AuditTrailOptions, EvidencePages, EvidencePagesInput, EvidenceSignature } from './evidence';
// The port the seal activity uses: evidence pages appended and the seal added in one pass over the file.
export { createPadesSealer } from './sealer/pdf-sealer';
export type { PadesSealerOptions, PdfSealer, SealOptions } from './sealer/pdf-sealer';
