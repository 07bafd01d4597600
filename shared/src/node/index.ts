// Node-only entry (`@signet/shared/node`): config, secrets, tokens, logging.
export { loadConfig, requireSealKey, requireSecret } from './config';
export type { SealConfig, SealKeyConfig, SignetConfig } from './config';
export type { RecipientAuthConfig, RecipientOidcProviderConfig } from './config';
export { mintRecipientToken, verifyRecipientToken } from './recipient-token';
export type { RecipientTokenClaims } from './recipient-token';
export { randomId } from './random-id';
export { createLogger } from './logger';
export type { Logger } from './logger';
export type { DocumentLibrary, DocumentStatusRecord, LibraryEntry } from './document-library';
export { createLocalLibrary } from './local-library';
export type { LocalLibraryOptions } from './local-library';
export { verifyPdf } from './verify/verify-pdf';
export type {
  AuditRecipient,
  ModifiedAfter,
  SignatureReport,
  VerifiedLevel,
  VerifyPdfOptions,
  VerifyReport,
} from './verify/types';
export { smtpTransportOptions } from './smtp-transport-options';
