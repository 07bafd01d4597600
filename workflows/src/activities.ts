import type {
  AuthMethod,
  EnvelopeStatus,
  Locale,
  NotificationKind,
  RecipientRole,
  SealLevel,
  SignatureKind,
  TAuditEvent,
  TDocumentRef,
  TEnvelopeEventsPublication,
  TEnvelopeDocument,
  TVerifiedIdentity,
} from '@signet/shared';

// The activity contract. The workflows package owns it (the consumer owns the port); the worker provides
// `createActivities(deps) satisfies SigningActivities`. Method names are wire names: renaming one breaks
// running envelopes.

/** What every e-mail needs to know about its envelope. */
export type EnvelopeBrief = {
  envelopeId: string;
  subject: string;
  message?: string;
  sender: { email: string; name: string; timeZone?: string };
  documentNames: string[];
  expiresAt: string;
};

/** One addressee. With `recipient`, the mail carries that recipient's own signing link. */
export type MailTarget = {
  email: string;
  name: string;
  recipient?: { id: string; key: string; role: RecipientRole };
  /** Language of the mail; English when absent (mails scheduled before it existed, and the sender's). */
  locale?: Locale;
};

export type SendNotificationInput = {
  kind: NotificationKind;
  envelope: EnvelopeBrief;
  to: MailTarget;
  /** Stable per mail: retries of the same mail reuse its Message-ID so receivers can drop duplicates. */
  idempotencyKey: string;
  reason?: string;
  actorName?: string;
  progress?: { done: number; required: number };
  /** COMPLETED mails attach these signed copies. */
  attachments?: Array<{ name: string; ref: TDocumentRef }>;
  /** RETENTION_WARNING mails say when deletion happens. */
  deleteAt?: string;
};

/** One line of the signature page. */
export type SignatureLine = {
  recipientId: string;
  name: string;
  email: string;
  role: RecipientRole;
  action: 'SIGNED' | 'APPROVED';
  at: string;
  authMethod: AuthMethod;
  onBehalfOf?: string;
  signatureText?: string;
  signatureKind?: SignatureKind;
  /** Base64 PNG of a drawn or uploaded signature. */
  signatureImagePng?: string;
  /** What the identity provider confirmed (MICROSOFT, STRONG sign-in). */
  identity?: TVerifiedIdentity;
};

export type SealDocumentInput = {
  envelopeId: string;
  subject: string;
  document: TEnvelopeDocument;
  signatures: SignatureLine[];
  completedAt: string;
  senderTimeZone?: string;
  /**
   * The audit trail up to sealing, printed on the audit page and embedded as JSON. Optional because
   * envelopes started before it existed (v1 histories) scheduled the activity without it.
   */
  audit?: TAuditEvent[];
};

export type SealDocumentResult = {
  originalSha256: string;
  sealedSha256: string;
  stagedKey: string;
  /** The PAdES level delivered (absent from results recorded before the PAdES seal). */
  level?: SealLevel;
  /** Pages the evidence has: signature page(s) and audit trail page(s). */
  evidencePages?: number;
  /**
   * Set when the original was already signed: its pages stay untouched (so its signatures stay valid) and the
   * evidence is a separate sealed PDF, staged under this key, stored beside the signed copy.
   */
  evidenceStagedKey?: string;
};

export type StoreSignedCopyInput = {
  envelopeId: string;
  document: TEnvelopeDocument;
  stagedKey: string;
  /** From SealDocumentResult: the separate evidence file to store beside the signed copy. */
  evidenceStagedKey?: string;
};
export type StoreSignedCopyResult = { signedCopyRef: TDocumentRef; evidenceRef?: TDocumentRef };

/** What the library shows beside each document. */
export type UpdateDocumentStatusInput = {
  envelopeId: string;
  documents: TEnvelopeDocument[];
  status: EnvelopeStatus;
  finalising: boolean;
  progress: { done: number; required: number };
  expiresAt: string;
  nextReminderAt?: string;
  legalHold: boolean;
  /** Monotonic per envelope: a late retry never overwrites a newer status. */
  revision: number;
};

/** The envelope's state for the API's read model and the audit events since the last publication (webhooks). */
export type PublishEnvelopeEventsInput = TEnvelopeEventsPublication;

/**
 * One webhook delivery to attempt (the API holds the event, the subscriber and the secret). `giveUp` makes no
 * attempt: it marks the delivery failed after the last one.
 */
export type DeliverWebhookInput = { deliveryId: string; giveUp?: boolean };

export type DeleteDocumentsInput = { envelopeId: string; documents: TEnvelopeDocument[] };
export type DeleteDocumentsResult = { deleted: string[] };

export interface SigningActivities {
  /** Sends one e-mail. Permanent refusals fail with MAIL_REJECTED (non-retryable). */
  sendNotification(input: SendNotificationInput): Promise<void>;
  /** Appends the signature page to the original and stages the result; nothing reaches the library yet. */
  sealDocument(input: SealDocumentInput): Promise<SealDocumentResult>;
  /** Moves a staged sealed copy beside its original, atomically and idempotently. */
  storeSignedCopy(input: StoreSignedCopyInput): Promise<StoreSignedCopyResult>;
  /** Writes the envelope's status where the library shows it (sidecar, list columns). */
  updateDocumentStatus(input: UpdateDocumentStatusInput): Promise<void>;
  /** Deletes originals and signed copies at the end of retention; already-deleted files are fine. */
  deleteDocuments(input: DeleteDocumentsInput): Promise<DeleteDocumentsResult>;
  /**
   * Sends the envelope's state and new audit events to the API (read model row, webhook deliveries). Idempotent:
   * older revisions are ignored and events are keyed by `<envelopeId>.<index>`.
   */
  publishEnvelopeEvents(input: PublishEnvelopeEventsInput): Promise<void>;
  /** One HTTP attempt of a webhook delivery (made by the API); fails with WEBHOOK_DELIVERY_FAILED to be retried. */
  deliverWebhook(input: DeliverWebhookInput): Promise<void>;
}
