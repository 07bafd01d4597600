import type {
  AuthMethod,
  EnvelopeStatus,
  RecipientStatus,
  TActor,
  TAuditEvent,
  TEnvelopeDocument,
  TEnvelopeView,
  TEnvelopeWorkflowInput,
  SignatureKind,
  TRecipientSlot,
  TVerifiedIdentity,
} from '@signet/shared';
import { ActorKind, AuditEventType, AuthMethod as Auth, EnvelopeStatus as Status, isActingRole } from '@signet/shared';

/** A recipient slot and everything that has happened to it. */
export type RecipientState = TRecipientSlot & {
  status: RecipientStatus;
  invitedAt?: string;
  viewedAt?: string;
  actedAt?: string;
  authMethod?: AuthMethod;
  signatureText?: string;
  signatureKind?: SignatureKind;
  /** Base64 PNG of a drawn or uploaded signature; printed on the signature page, never in the status view. */
  signatureImagePng?: string;
  identity?: TVerifiedIdentity;
  remindersSent: number;
  lastRemindedAt?: string;
  nextReminderAt?: string;
  declineReason?: string;
  delegatedToId?: string;
  delegatedFromId?: string;
  copyDeliveredAt?: string;
};

/** The whole business state of one envelope. Serialisable: it is carried across continueAsNew. */
export type EnvelopeState = {
  config: Omit<TEnvelopeWorkflowInput, 'recipients' | 'expiresAt' | 'legalHold' | 'documents'>;
  status: EnvelopeStatus;
  /** Set when the last required action arrives; cleared when sealing and delivery are done. */
  finalising: boolean;
  expiresAt: string;
  expiryWarningSent: boolean;
  legalHold: boolean;
  documents: TEnvelopeDocument[];
  recipients: RecipientState[];
  audit: TAuditEvent[];
  endedAt?: string;
  endReason?: string;
  /** Bumped on every status publication; lets the library ignore a late, older write. */
  revision: number;
  /** How many audit events the API has been sent as webhook events (absent in states from before that). */
  publishedAuditCount?: number;
};

export const SYSTEM_ACTOR: TActor = { kind: ActorKind.SYSTEM };

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Builds the state at send time. Nobody is invited yet: {@link startEnvelope} does that. */
export function createEnvelopeState(input: TEnvelopeWorkflowInput): EnvelopeState {
  const { recipients, expiresAt, legalHold, documents, ...config } = input;
  return {
    config,
    status: Status.PENDING,
    finalising: false,
    expiresAt,
    expiryWarningSent: false,
    legalHold,
    documents: documents.map((d) => ({ ...d })),
    recipients: recipients.map((r) => ({ ...r, status: 'WAITING', remindersSent: 0 })),
    audit: [],
    revision: 0,
  };
}

export function recordAudit(
  state: EnvelopeState,
  nowMs: number,
  type: TAuditEvent['type'],
  actor: TActor,
  extra: { authMethod?: AuthMethod; recipientId?: string; details?: TAuditEvent['details'] } = {},
): void {
  state.audit.push({
    at: iso(nowMs),
    type,
    actor,
    authMethod: extra.authMethod ?? Auth.SYSTEM,
    ...(extra.recipientId ? { recipientId: extra.recipientId } : {}),
    ...(extra.details ? { details: extra.details } : {}),
  });
}

export function recipientActor(recipient: RecipientState): TActor {
  return { kind: ActorKind.RECIPIENT, email: recipient.email, name: recipient.name, recipientId: recipient.id };
}

/** Recipients who count towards progress: signers and approvers, except those who delegated away. */
export function requiredRecipients(state: EnvelopeState): RecipientState[] {
  return state.recipients.filter((r) => isActingRole(r.role) && r.status !== 'DELEGATED');
}

export function progressOf(state: EnvelopeState): { done: number; required: number } {
  const required = requiredRecipients(state);
  return {
    done: required.filter((r) => r.status === 'SIGNED' || r.status === 'APPROVED').length,
    required: required.length,
  };
}

/** Records the SENT event once, at the very start. */
export function recordSent(state: EnvelopeState, nowMs: number): void {
  recordAudit(
    state,
    nowMs,
    AuditEventType.SENT,
    { kind: ActorKind.SENDER, email: state.config.sender.email, name: state.config.sender.name },
    {
      authMethod: Auth.API_TOKEN,
      details: { recipients: state.recipients.length, documents: state.documents.length },
    },
  );
}

export function findRecipient(state: EnvelopeState, recipientId: string): RecipientState | undefined {
  return state.recipients.find((r) => r.id === recipientId);
}

/** The status query's answer. Leaves out link keys and internal fields. */
export function toEnvelopeView(
  state: EnvelopeState,
  nextReminderAt: string | undefined,
  currentRoutingOrder: number | undefined,
): TEnvelopeView {
  const { config } = state;
  return {
    envelopeId: config.envelopeId,
    status: state.status,
    finalising: state.finalising,
    subject: config.subject,
    ...(config.message !== undefined ? { message: config.message } : {}),
    sender: config.sender,
    sourceLibrary: config.sourceLibrary,
    createdAt: config.createdAt,
    expiresAt: state.expiresAt,
    ...(warningAtOf(state) ? { expiryWarningAt: warningAtOf(state) } : {}),
    ...(nextReminderAt ? { nextReminderAt } : {}),
    ...(state.endedAt ? { endedAt: state.endedAt } : {}),
    ...(state.endReason ? { endReason: state.endReason } : {}),
    ...(currentRoutingOrder !== undefined ? { currentRoutingOrder } : {}),
    allowDelegation: config.allowDelegation,
    legalHold: state.legalHold,
    progress: progressOf(state),
    documents: state.documents,
    recipients: state.recipients.map(
      ({ key: _key, signatureText: _sig, signatureImagePng: _image, identity: _identity, ...view }) => view,
    ),
    audit: state.audit,
  };
}

/** When pending recipients and the sender are warned; undefined when no warning is configured. */
export function warningAtOf(state: EnvelopeState): string | undefined {
  if (state.config.expiryWarningMs <= 0) return undefined;
  return iso(Date.parse(state.expiresAt) - state.config.expiryWarningMs);
}
