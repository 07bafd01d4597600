/**
 * The one domain vocabulary (style guide §1.12). Every package, the workflow query, the API,
 * the sidecar files and the audit trail use these exact strings.
 */

/** Lifecycle of an envelope. PENDING covers everything from sending until the envelope ends. */
export const EnvelopeStatus = {
  DRAFT: 'DRAFT',
  PENDING: 'PENDING',
  COMPLETED: 'COMPLETED',
  DECLINED: 'DECLINED',
  CANCELLED: 'CANCELLED',
  EXPIRED: 'EXPIRED',
} as const;
export type EnvelopeStatus = (typeof EnvelopeStatus)[keyof typeof EnvelopeStatus];
export const ENVELOPE_STATUSES = Object.values(EnvelopeStatus);

/** SIGNER and APPROVER must act; CC and VIEWER only receive copies. */
export const RecipientRole = {
  SIGNER: 'SIGNER',
  APPROVER: 'APPROVER',
  CC: 'CC',
  VIEWER: 'VIEWER',
} as const;
export type RecipientRole = (typeof RecipientRole)[keyof typeof RecipientRole];
export const RECIPIENT_ROLES = Object.values(RecipientRole);

/** True for the roles whose action the envelope waits for. */
export function isActingRole(role: RecipientRole): boolean {
  return role === RecipientRole.SIGNER || role === RecipientRole.APPROVER;
}

/**
 * WAITING: not their turn yet. PENDING: invited, their turn. RECEIVED: a CC/VIEWER got the final copy.
 * DELEGATED: handed their turn to someone else (kept for the record).
 */
export const RecipientStatus = {
  WAITING: 'WAITING',
  PENDING: 'PENDING',
  SIGNED: 'SIGNED',
  APPROVED: 'APPROVED',
  DECLINED: 'DECLINED',
  DELEGATED: 'DELEGATED',
  RECEIVED: 'RECEIVED',
} as const;
export type RecipientStatus = (typeof RecipientStatus)[keyof typeof RecipientStatus];
export const RECIPIENT_STATUSES = Object.values(RecipientStatus);

/** How the actor of an audit event proved who they are. */
export const AuthMethod = {
  /** The invitation link's token (light authentication). */
  LINK: 'LINK',
  /** The operator's API token (SIGNET_API_TOKEN). */
  API_TOKEN: 'API_TOKEN',
  /** A sender's API key. */
  API_KEY: 'API_KEY',
  /** A sender signed in with Microsoft Entra ID (bearer JWT or the web UI's session). */
  ENTRA_ID: 'ENTRA_ID',
  /** The link plus a one-time code mailed to the recipient's address. */
  EMAIL_OTP: 'EMAIL_OTP',
  /** The link plus Microsoft sign-in (OpenID Connect against Entra ID) as the invited address. */
  MICROSOFT: 'MICROSOFT',
  /** The link plus strong authentication (a bank-ID broker over OpenID Connect). */
  STRONG: 'STRONG',
  /** Actions taken by Signet itself (timers, sealing). */
  SYSTEM: 'SYSTEM',
} as const;
export type AuthMethod = (typeof AuthMethod)[keyof typeof AuthMethod];
export const AUTH_METHODS = Object.values(AuthMethod);

/** What a sender requires of a recipient before they may see and act on the envelope. */
export const RecipientAuthentication = {
  LINK: 'LINK',
  EMAIL_OTP: 'EMAIL_OTP',
  MICROSOFT: 'MICROSOFT',
  STRONG: 'STRONG',
} as const;
export type RecipientAuthentication = (typeof RecipientAuthentication)[keyof typeof RecipientAuthentication];
export const RECIPIENT_AUTHENTICATIONS = Object.values(RecipientAuthentication);

/**
 * True when a recipient who proved themselves with `used` meets the sender's `required` method. The link
 * alone needs nothing more; strong authentication satisfies every requirement; otherwise the exact method.
 */
export function satisfiesAuthentication(required: RecipientAuthentication | undefined, used: AuthMethod): boolean {
  if (!required || required === RecipientAuthentication.LINK) return true;
  return used === required || used === AuthMethod.STRONG;
}

/** How a signer gave their signature on the signing page. */
export const SignatureKind = { TYPED: 'TYPED', DRAWN: 'DRAWN', UPLOADED: 'UPLOADED' } as const;
export type SignatureKind = (typeof SignatureKind)[keyof typeof SignatureKind];
export const SIGNATURE_KINDS = Object.values(SignatureKind);

/** Largest signature image (PNG, decoded bytes) a signer may give; it is kept in the workflow's state. */
export const MAX_SIGNATURE_IMAGE_BYTES = 48 * 1024;

/** Every event the audit trail records. */
export const AuditEventType = {
  SENT: 'SENT',
  INVITED: 'INVITED',
  VIEWED: 'VIEWED',
  SIGNED: 'SIGNED',
  APPROVED: 'APPROVED',
  DECLINED: 'DECLINED',
  DELEGATED: 'DELEGATED',
  REMINDED: 'REMINDED',
  EXPIRY_WARNED: 'EXPIRY_WARNED',
  EXTENDED: 'EXTENDED',
  RECIPIENT_ADDED: 'RECIPIENT_ADDED',
  RECIPIENT_REMOVED: 'RECIPIENT_REMOVED',
  RECIPIENT_REPLACED: 'RECIPIENT_REPLACED',
  CANCELLED: 'CANCELLED',
  EXPIRED: 'EXPIRED',
  SEALED: 'SEALED',
  STORED: 'STORED',
  DELIVERED: 'DELIVERED',
  COMPLETED: 'COMPLETED',
  LEGAL_HOLD_SET: 'LEGAL_HOLD_SET',
  LEGAL_HOLD_RELEASED: 'LEGAL_HOLD_RELEASED',
  RETENTION_WARNED: 'RETENTION_WARNED',
  DELETED: 'DELETED',
} as const;
export type AuditEventType = (typeof AuditEventType)[keyof typeof AuditEventType];
export const AUDIT_EVENT_TYPES = Object.values(AuditEventType);

/** Who caused an audit event. */
export const ActorKind = { SENDER: 'SENDER', RECIPIENT: 'RECIPIENT', SYSTEM: 'SYSTEM' } as const;
export type ActorKind = (typeof ActorKind)[keyof typeof ActorKind];

/** The e-mails Signet sends; one template each. */
export const NotificationKind = {
  INVITATION: 'INVITATION',
  REMINDER: 'REMINDER',
  EXPIRY_WARNING: 'EXPIRY_WARNING',
  COMPLETED: 'COMPLETED',
  DECLINED: 'DECLINED',
  CANCELLED: 'CANCELLED',
  EXPIRED: 'EXPIRED',
  RETENTION_WARNING: 'RETENTION_WARNING',
  DELETED: 'DELETED',
} as const;
export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind];
export const NOTIFICATION_KINDS = Object.values(NotificationKind);

/** True once an envelope can no longer change. */
export function isTerminalStatus(status: EnvelopeStatus): boolean {
  return status !== EnvelopeStatus.PENDING && status !== EnvelopeStatus.DRAFT;
}

/** PAdES baseline levels of the platform seal (ETSI EN 319 142-1), weakest first. */
export const SEAL_LEVELS = ['B-B', 'B-T', 'B-LT', 'B-LTA'] as const;
export type SealLevel = (typeof SEAL_LEVELS)[number];
