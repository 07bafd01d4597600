import type { TAuditEvent } from '@signet/shared';
import type { SignatureLine } from '@signet/workflows';

/** A signature line as the workflow records it, plus the recipient's drawn signature if one was captured. */
export type EvidenceSignature = SignatureLine & { drawnSignaturePng?: Uint8Array };

export type EvidencePagesInput = {
  envelopeId: string;
  subject: string;
  /** The original's file name, shown on the signature page when given. */
  documentName?: string;
  completedAt: string;
  /** IANA zone of the sender; times are shown in UTC and in this zone. */
  senderTimeZone?: string;
  /** Lower-case hex SHA-256 of the original bytes. */
  originalSha256: string;
  signatures: EvidenceSignature[];
  /** Every audit event of the envelope, in the order the workflow recorded them. */
  audit: TAuditEvent[];
  /**
   * Attach the evidence as JSON (signet-evidence.json) to the signature page; default true. Pass false for
   * PDF/A-1/2 originals, which must not carry non-PDF/A attachments.
   */
  attachJson?: boolean;
};

export type EvidencePages = {
  /** A standalone PDF: the signature page(s), then the audit trail page(s). */
  bytes: Uint8Array;
  signaturePageCount: number;
  auditPageCount: number;
  pageCount: number;
};

export type AuditTrailOptions = {
  envelopeId?: string;
  subject?: string;
  senderTimeZone?: string;
  originalSha256?: string;
};
