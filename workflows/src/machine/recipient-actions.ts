import type {
  TApproveInput,
  TDeclineInput,
  TDelegateInput,
  TRecipientCredential,
  TSignInput,
  TVerifiedIdentity,
  TViewedInput,
} from '@signet/shared';
import {
  AppErrorCode,
  AuditEventType,
  EnvelopeStatus,
  NotificationKind,
  RecipientRole,
  RecipientStatus,
} from '@signet/shared';
import type { Effect } from './effects';
import type { EnvelopeState, RecipientState } from './envelope-state';
import { iso, recipientActor, recordAudit } from './envelope-state';
import {
  assertNewAddress,
  assertNewId,
  assertOpen,
  assertReason,
  assertRecipientsTurn,
  authenticateRecipient,
  fail,
} from './guards';
import { advanceRouting, involvedRecipients, inviteRecipient } from './routing';

// Each action has a validate* (pure check, used as the Update validator: a rejection writes no history)
// and an apply* (validates again, mutates the state, returns the effects to run).

/**
 * The checks every recipient action shares, in the order a recipient should hear about them: envelope still
 * open, link names a current slot, the role may take this action, and it is this recipient's turn.
 */
function validateTurn(
  state: EnvelopeState,
  input: TRecipientCredential,
  nowMs: number,
  roles: readonly RecipientRole[],
  wrongRole: string,
): RecipientState {
  assertOpen(state, nowMs);
  const recipient = authenticateRecipient(state, input);
  if (!roles.includes(recipient.role)) fail(AppErrorCode.WRONG_ROLE, wrongRole);
  assertRecipientsTurn(recipient);
  return recipient;
}

export function validateSign(state: EnvelopeState, input: TSignInput, nowMs: number): RecipientState {
  return validateTurn(state, input, nowMs, [RecipientRole.SIGNER], 'only signers sign; approvers approve');
}

export function applySign(state: EnvelopeState, input: TSignInput, nowMs: number): Effect[] {
  const recipient = validateSign(state, input, nowMs);
  markActed(recipient, RecipientStatus.SIGNED, input, nowMs);
  if (input.signatureText) recipient.signatureText = input.signatureText;
  if (input.onBehalfOf) recipient.onBehalfOf = input.onBehalfOf;
  if (input.signatureKind) recipient.signatureKind = input.signatureKind;
  if (input.signatureImagePng) recipient.signatureImagePng = input.signatureImagePng;
  const details = {
    ...(recipient.onBehalfOf ? { onBehalfOf: recipient.onBehalfOf } : {}),
    ...(input.signatureKind ? { signatureKind: input.signatureKind } : {}),
    ...identityDetails(recipient),
  };
  recordAudit(state, nowMs, AuditEventType.SIGNED, recipientActor(recipient), {
    authMethod: input.authMethod,
    recipientId: recipient.id,
    ...(Object.keys(details).length > 0 ? { details } : {}),
  });
  return advanceRouting(state, nowMs);
}

export function validateApprove(state: EnvelopeState, input: TApproveInput, nowMs: number): RecipientState {
  return validateTurn(state, input, nowMs, [RecipientRole.APPROVER], 'only approvers approve; signers sign');
}

export function applyApprove(state: EnvelopeState, input: TApproveInput, nowMs: number): Effect[] {
  const recipient = validateApprove(state, input, nowMs);
  markActed(recipient, RecipientStatus.APPROVED, input, nowMs);
  const details = identityDetails(recipient);
  recordAudit(state, nowMs, AuditEventType.APPROVED, recipientActor(recipient), {
    authMethod: input.authMethod,
    recipientId: recipient.id,
    ...(Object.keys(details).length > 0 ? { details } : {}),
  });
  return advanceRouting(state, nowMs);
}

const ACTING_ROLES = [RecipientRole.SIGNER, RecipientRole.APPROVER] as const;
const COPY_ONLY = 'copy recipients have nothing to decline or delegate';

export function validateDecline(state: EnvelopeState, input: TDeclineInput, nowMs: number): RecipientState {
  const recipient = validateTurn(state, input, nowMs, ACTING_ROLES, COPY_ONLY);
  assertReason(input.reason);
  return recipient;
}

/** A decline ends the envelope for everyone; the sender and everyone already involved are told. */
export function applyDecline(state: EnvelopeState, input: TDeclineInput, nowMs: number): Effect[] {
  const recipient = validateDecline(state, input, nowMs);
  const reason = input.reason.trim();
  markActed(recipient, RecipientStatus.DECLINED, input, nowMs);
  recipient.declineReason = reason;
  recordAudit(state, nowMs, AuditEventType.DECLINED, recipientActor(recipient), {
    authMethod: input.authMethod,
    recipientId: recipient.id,
    details: { reason, ...identityDetails(recipient) },
  });
  endEnvelope(state, EnvelopeStatus.DECLINED, `declined by ${recipient.name}: ${reason}`, nowMs);
  return [
    {
      type: 'notify',
      kind: NotificationKind.DECLINED,
      recipientIds: involvedRecipients(state, recipient.id).map((r) => r.id),
      toSender: true,
      reason,
      actorName: recipient.name,
    },
  ];
}

export function validateDelegate(state: EnvelopeState, input: TDelegateInput, nowMs: number): RecipientState {
  if (!state.config.allowDelegation) fail(AppErrorCode.DELEGATION_NOT_ALLOWED);
  const recipient = validateTurn(state, input, nowMs, ACTING_ROLES, COPY_ONLY);
  assertNewAddress(state, input.to.email, recipient.id);
  assertNewId(state, input.to.id);
  return recipient;
}

/** The delegate takes the same role and place in the routing, and is invited at once. */
export function applyDelegate(state: EnvelopeState, input: TDelegateInput, nowMs: number): Effect[] {
  const recipient = validateDelegate(state, input, nowMs);
  markActed(recipient, RecipientStatus.DELEGATED, input, nowMs);
  recipient.delegatedToId = input.to.id;
  const delegate: RecipientState = {
    id: input.to.id,
    key: input.to.key,
    email: input.to.email.trim(),
    name: input.to.name,
    role: recipient.role,
    routingOrder: recipient.routingOrder,
    ...inheritedRequirements(recipient),
    status: RecipientStatus.WAITING,
    remindersSent: 0,
    delegatedFromId: recipient.id,
  };
  state.recipients.splice(state.recipients.indexOf(recipient) + 1, 0, delegate);
  recordAudit(state, nowMs, AuditEventType.DELEGATED, recipientActor(recipient), {
    authMethod: input.authMethod,
    recipientId: recipient.id,
    details: {
      toRecipientId: delegate.id,
      toEmail: delegate.email,
      ...(input.reason ? { reason: input.reason } : {}),
      ...identityDetails(recipient),
    },
  });
  inviteRecipient(state, delegate, nowMs);
  return [{ type: 'notify', kind: NotificationKind.INVITATION, recipientIds: [delegate.id], toSender: false }];
}

/** A delegate or replacement must prove themselves the way the sender asked of the original recipient. */
export function inheritedRequirements(
  from: RecipientState,
): Pick<RecipientState, 'authentication' | 'recordNationalId' | 'locale'> {
  return {
    ...(from.authentication ? { authentication: from.authentication } : {}),
    ...(from.recordNationalId ? { recordNationalId: from.recordNationalId } : {}),
    ...(from.locale ? { locale: from.locale } : {}),
  };
}

/** The national identity number is kept only when the sender asked for it (recordNationalId). */
function keptIdentity(recipient: RecipientState, identity: TVerifiedIdentity): TVerifiedIdentity {
  if (recipient.recordNationalId) return identity;
  const { nationalIdMasked: _masked, nationalIdSha256: _hash, ...rest } = identity;
  return rest;
}

/** Records the first time a recipient opens their link. Not an error when repeated or late: views are facts. */
export function applyViewed(state: EnvelopeState, input: TViewedInput, nowMs: number): void {
  const recipient = state.recipients.find((r) => r.id === input.recipientId && r.key === input.recipientKey);
  if (!recipient || recipient.viewedAt || state.status !== EnvelopeStatus.PENDING) return;
  recipient.viewedAt = iso(nowMs);
  recordAudit(state, nowMs, AuditEventType.VIEWED, recipientActor(recipient), {
    authMethod: input.authMethod,
    recipientId: recipient.id,
  });
}

function markActed(
  recipient: RecipientState,
  status: RecipientStatus,
  input: TRecipientCredential,
  nowMs: number,
): void {
  recipient.status = status;
  recipient.actedAt = iso(nowMs);
  recipient.authMethod = input.authMethod;
  if (input.identity) recipient.identity = keptIdentity(recipient, input.identity);
  delete recipient.nextReminderAt;
}

/** The audit's record of who the identity provider said acted: its issuer, and the masked number when kept. */
function identityDetails(recipient: RecipientState): Record<string, string> {
  if (!recipient.identity) return {};
  return {
    identityIssuer: recipient.identity.issuer,
    ...(recipient.identity.nationalIdMasked ? { nationalIdMasked: recipient.identity.nationalIdMasked } : {}),
  };
}

/** Ends a still-pending envelope: no more reminders, no more turns. */
export function endEnvelope(state: EnvelopeState, status: EnvelopeStatus, reason: string, nowMs: number): void {
  state.status = status;
  state.endedAt = iso(nowMs);
  state.endReason = reason;
  for (const r of state.recipients) delete r.nextReminderAt;
}
