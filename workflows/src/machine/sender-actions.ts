import type {
  TAddRecipientInput,
  TCancelInput,
  TExtendInput,
  TRemindInput,
  TRemoveRecipientInput,
  TReplaceRecipientInput,
  TSenderActor,
  TSetLegalHoldInput,
} from '@signet/shared';
import {
  ActorKind,
  AppErrorCode,
  AuditEventType,
  EnvelopeStatus,
  isActingRole,
  NotificationKind,
} from '@signet/shared';
import type { TActor } from '@signet/shared';
import type { Effect } from './effects';
import type { EnvelopeState, RecipientState } from './envelope-state';
import { findRecipient, iso, recordAudit } from './envelope-state';
import { assertNewAddress, assertNewId, assertOpen, assertReason, fail } from './guards';
import { endEnvelope, inheritedRequirements } from './recipient-actions';
import {
  advanceRouting,
  currentRoutingOrder,
  involvedRecipients,
  inviteRecipient,
  isOutstanding,
  pendingRecipients,
} from './routing';

function senderActor(actor: TSenderActor): TActor {
  return { kind: ActorKind.SENDER, email: actor.email, name: actor.name };
}

export function validateCancel(state: EnvelopeState, input: TCancelInput, nowMs: number): void {
  assertOpen(state, nowMs);
  assertReason(input.reason);
}

export function applyCancel(state: EnvelopeState, input: TCancelInput, nowMs: number): Effect[] {
  validateCancel(state, input, nowMs);
  const reason = input.reason.trim();
  recordAudit(state, nowMs, AuditEventType.CANCELLED, senderActor(input.actor), {
    authMethod: input.actor.authMethod,
    details: { reason },
  });
  endEnvelope(state, EnvelopeStatus.CANCELLED, reason, nowMs);
  const told = involvedRecipients(state).map((r) => r.id);
  return [
    {
      type: 'notify',
      kind: NotificationKind.CANCELLED,
      recipientIds: told,
      toSender: false,
      reason,
      actorName: input.actor.name,
    },
  ];
}

export function validateExtend(state: EnvelopeState, input: TExtendInput, nowMs: number): void {
  assertOpen(state, nowMs);
  const wanted = Date.parse(input.expiresAt);
  if (wanted <= Date.parse(state.expiresAt))
    fail(AppErrorCode.DEADLINE_NOT_LATER, `new deadline must be after ${state.expiresAt}`);
}

/** Moves the deadline later. A warning already sent is sent again before the new deadline. */
export function applyExtend(state: EnvelopeState, input: TExtendInput, nowMs: number): Effect[] {
  validateExtend(state, input, nowMs);
  const previous = state.expiresAt;
  state.expiresAt = iso(Date.parse(input.expiresAt));
  state.expiryWarningSent = false;
  recordAudit(state, nowMs, AuditEventType.EXTENDED, senderActor(input.actor), {
    authMethod: input.actor.authMethod,
    details: { from: previous, to: state.expiresAt },
  });
  return [];
}

export function validateRemind(state: EnvelopeState, input: TRemindInput, nowMs: number): RecipientState[] {
  assertOpen(state, nowMs);
  const pending = pendingRecipients(state);
  if (!input.recipientIds) return pending;
  return input.recipientIds.map((id) => {
    const recipient = findRecipient(state, id);
    if (!recipient) fail(AppErrorCode.UNKNOWN_RECIPIENT, `no recipient ${id}`);
    if (recipient.status !== 'PENDING')
      fail(isOutstanding(recipient) ? AppErrorCode.NOT_YOUR_TURN : AppErrorCode.ALREADY_ACTED);
    return recipient;
  });
}

/** A reminder now to pending recipients. It does not count against, or move, the automatic schedule. */
export function applyRemind(state: EnvelopeState, input: TRemindInput, nowMs: number): Effect[] {
  const targets = validateRemind(state, input, nowMs);
  for (const r of targets) {
    r.lastRemindedAt = iso(nowMs);
    recordAudit(state, nowMs, AuditEventType.REMINDED, senderActor(input.actor), {
      authMethod: input.actor.authMethod,
      recipientId: r.id,
      details: { manual: true },
    });
  }
  return targets.length > 0
    ? [{ type: 'notify', kind: NotificationKind.REMINDER, recipientIds: targets.map((r) => r.id), toSender: false }]
    : [];
}

function outstandingRecipient(state: EnvelopeState, recipientId: string): RecipientState {
  const recipient = findRecipient(state, recipientId);
  if (!recipient) fail(AppErrorCode.UNKNOWN_RECIPIENT, `no recipient ${recipientId}`);
  if (!isOutstanding(recipient)) fail(AppErrorCode.ALREADY_ACTED, `${recipient.email} has already acted`);
  return recipient;
}

export function validateReplace(state: EnvelopeState, input: TReplaceRecipientInput, nowMs: number): RecipientState {
  assertOpen(state, nowMs);
  const recipient = outstandingRecipient(state, input.recipientId);
  assertNewAddress(state, input.replacement.email, recipient.id);
  assertNewId(state, input.replacement.id);
  return recipient;
}

/** The replacement takes the slot's role and order under a new id and key, so the old link dies. */
export function applyReplace(state: EnvelopeState, input: TReplaceRecipientInput, nowMs: number): Effect[] {
  const old = validateReplace(state, input, nowMs);
  const wasPending = old.status === 'PENDING';
  const replacement: RecipientState = {
    id: input.replacement.id,
    key: input.replacement.key,
    email: input.replacement.email.trim(),
    name: input.replacement.name,
    role: old.role,
    routingOrder: old.routingOrder,
    ...(old.onBehalfOf ? { onBehalfOf: old.onBehalfOf } : {}),
    ...inheritedRequirements(old),
    status: 'WAITING',
    remindersSent: 0,
  };
  state.recipients.splice(state.recipients.indexOf(old), 1, replacement);
  recordAudit(state, nowMs, AuditEventType.RECIPIENT_REPLACED, senderActor(input.actor), {
    authMethod: input.actor.authMethod,
    recipientId: old.id,
    details: { fromEmail: old.email, toEmail: replacement.email, toRecipientId: replacement.id },
  });
  if (!wasPending) return [];
  inviteRecipient(state, replacement, nowMs);
  return [{ type: 'notify', kind: NotificationKind.INVITATION, recipientIds: [replacement.id], toSender: false }];
}

export function validateAdd(state: EnvelopeState, input: TAddRecipientInput, nowMs: number): void {
  assertOpen(state, nowMs);
  assertNewAddress(state, input.recipient.email);
  assertNewId(state, input.recipient.id);
  const current = currentRoutingOrder(state);
  if (isActingRole(input.recipient.role) && current !== undefined && input.recipient.routingOrder < current) {
    fail(
      AppErrorCode.ROUTING_ORDER_PASSED,
      `routing order ${input.recipient.routingOrder} has finished; the current one is ${current}`,
    );
  }
}

/** Adds a recipient; one added to the current group is invited at once. */
export function applyAdd(state: EnvelopeState, input: TAddRecipientInput, nowMs: number): Effect[] {
  validateAdd(state, input, nowMs);
  const added: RecipientState = {
    ...input.recipient,
    email: input.recipient.email.trim(),
    status: 'WAITING',
    remindersSent: 0,
  };
  state.recipients.push(added);
  recordAudit(state, nowMs, AuditEventType.RECIPIENT_ADDED, senderActor(input.actor), {
    authMethod: input.actor.authMethod,
    recipientId: added.id,
    details: { email: added.email, role: added.role, routingOrder: added.routingOrder },
  });
  return advanceRouting(state, nowMs);
}

export function validateRemove(state: EnvelopeState, input: TRemoveRecipientInput, nowMs: number): RecipientState {
  assertOpen(state, nowMs);
  const recipient = outstandingRecipient(state, input.recipientId);
  const othersActing = state.recipients.some(
    (r) => r.id !== recipient.id && isActingRole(r.role) && r.status !== 'DELEGATED',
  );
  if (isActingRole(recipient.role) && !othersActing) fail(AppErrorCode.LAST_ACTING_RECIPIENT);
  return recipient;
}

/** Removes a recipient who has not acted; when that finishes the current group, routing moves on. */
export function applyRemove(state: EnvelopeState, input: TRemoveRecipientInput, nowMs: number): Effect[] {
  const recipient = validateRemove(state, input, nowMs);
  state.recipients.splice(state.recipients.indexOf(recipient), 1);
  recordAudit(state, nowMs, AuditEventType.RECIPIENT_REMOVED, senderActor(input.actor), {
    authMethod: input.actor.authMethod,
    recipientId: recipient.id,
    details: { email: recipient.email },
  });
  return advanceRouting(state, nowMs);
}

/** Legal hold may change at any time while the workflow runs, even after the envelope ended. */
export function applyLegalHold(state: EnvelopeState, input: TSetLegalHoldInput, nowMs: number): void {
  if (state.legalHold === input.hold) return;
  state.legalHold = input.hold;
  recordAudit(
    state,
    nowMs,
    input.hold ? AuditEventType.LEGAL_HOLD_SET : AuditEventType.LEGAL_HOLD_RELEASED,
    senderActor(input.actor),
    {
      authMethod: input.actor.authMethod,
      ...(input.reason ? { details: { reason: input.reason } } : {}),
    },
  );
}
