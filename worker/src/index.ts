// Entry for in-process use by the test workspace (style guide: no production package imports the worker).
export { createActivities } from './activities/create-activities';
export type { ActivityDeps } from './activities/activity-deps';
export { toActivityFailure } from './activities/activity-failure';
export { createSmtpMailer, classifySmtpError } from './mail/smtp-mailer';
export type { SmtpMailer } from './mail/smtp-mailer';
export type { Mailer, MailAttachment, MailMessage } from './mail/mailer';
export { composeNotification } from './mail/compose-notification';
export { messageIdOf } from './mail/message-id';
// The PAdES sealer (worker/src/seal), exported as sealPdfPades (the name the tests and benchmarks know it by).
export {
  createHttpRevocationSource,
  createHttpTimestampAuthority,
  createKeySigner,
  loadPemSigner,
  loadPkcs12Signer,
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
export { createPadesSealer } from './sealer/pdf-sealer';
export type { PadesSealerOptions, PdfSealer } from './sealer/pdf-sealer';
export { createConfiguredSealer } from './sealer/create-configured-sealer';
export { runWorker } from './main';
export type { RunningWorker, RunWorkerOptions } from './main';
export { WORKFLOW_BUNDLE_PATH, WORKFLOWS_PATH } from './workflows-path';
// Evidence pages (worker/src/evidence): Unicode signature page and audit trail, appended as an incremental update.
export {
  appendPagesIncrementally,
  auditTrailJson,
  buildAuditTrailPdf,
  buildEvidencePages,
  buildFooterPdf,
  evidenceJson,
  footerText,
} from './evidence';
export type { EvidencePages, EvidencePagesInput, EvidenceSignature } from './evidence';
