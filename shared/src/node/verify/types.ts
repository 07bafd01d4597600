/** PAdES baseline level a signature structurally reaches; `none` for non-PAdES signatures (e.g. adbe.pkcs7). */
export type VerifiedLevel = 'B-B' | 'B-T' | 'B-LT' | 'B-LTA' | 'none';

/** What changed after a signature: nothing, only DSS / document-timestamp revisions, or anything else. */
export type ModifiedAfter = 'none' | 'ltv-only' | 'other';

/** One signature dictionary (`/Type /Sig`) or document timestamp (`/Type /DocTimeStamp`) of the file. */
export type SignatureReport = {
  kind: 'signature' | 'document-timestamp';
  /** The field's /T, when a field points at this signature dictionary. */
  fieldName?: string;
  subFilter?: string;
  /** Signer (or TSA) certificate subject, `CN=…, O=…, C=…`. */
  signerSubject?: string;
  /** The CMS signature verifies and its message digest (or the TST imprint) matches the signed byte ranges. */
  valid: boolean;
  /** Why `valid` is false. */
  problem?: string;
  /** The claimed signing time (/M), ISO 8601. */
  claimedTime?: string;
  /** genTime of the signature timestamp (signatures) or of the token itself (document timestamps), ISO 8601. */
  timestamp?: string;
  level: VerifiedLevel;
  /** Present only when trusted roots were given: the signer certificate chains to one of them. */
  trusted?: boolean;
  modifiedAfter: ModifiedAfter;
  byteRange: [number, number, number, number];
};

/** A recipient as recorded in the envelope's embedded audit JSON. */
export type AuditRecipient = { name?: string; email?: string; role?: string; status?: string };

export type VerifyReport = {
  /** Number of revisions (`%%EOF` markers) in the file. */
  revisions: number;
  signatures: SignatureReport[];
  /** From an embedded audit JSON; absent when the file embeds none. */
  recipients?: AuditRecipient[];
};

export type VerifyPdfOptions = {
  /** PEM certificates; when given, each signature reports `trusted`. */
  trustedRoots?: string[];
};
