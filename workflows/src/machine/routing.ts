import { AuditEventType, isActingRole, NotificationKind, RecipientStatus } from '@signet/shared';
import type { Effect } from './effects';
import type { EnvelopeState, RecipientState } from './envelope-state';
import { iso, recordAudit, SYSTEM_ACTOR } from './envelope-state';

/**
 * Routing rule: recipients with equal `routingOrder` form a parallel group; groups go in ascending order.
 * The current group is the lowest order that still has a signer or approver who has not acted.
 */
export function currentRoutingOrder(state: EnvelopeState): number | undefined {
  let current: number | undefined;
  for (const r of state.recipients) {
    if (!isActingRole(r.role) || !isOutstanding(r)) continue;
    if (current === undefined || r.routingOrder < current) current = r.routingOrder;
  }
  return current;
}

/** WAITING or PENDING: has not acted, delegated or declined. */
export function isOutstanding(recipient: RecipientState): boolean {
  return recipient.status === RecipientStatus.WAITING || recipient.status === RecipientStatus.PENDING;
}

/** Makes a recipient's turn begin: PENDING, invited now, first reminder scheduled. */
export function inviteRecipient(state: EnvelopeState, recipient: RecipientState, nowMs: number): void {
  recipient.status = RecipientStatus.PENDING;
  recipient.invitedAt = iso(nowMs);
  const policy = state.config.reminders;
  if (policy && policy.max > 0) recipient.nextReminderAt = iso(nowMs + policy.firstAfterMs);
  recordAudit(state, nowMs, AuditEventType.INVITED, SYSTEM_ACTOR, {
    recipientId: recipient.id,
    details: { routingOrder: recipient.routingOrder },
  });
}

/**
 * Moves routing forward after any change: invites everyone in the current group who is still WAITING,
 * or asks for finalising when no signer or approver is outstanding.
 */
export function advanceRouting(state: EnvelopeState, nowMs: number): Effect[] {
  if (state.finalising || state.status !== 'PENDING') return [];
  const order = currentRoutingOrder(state);
  if (order === undefined) {
    state.finalising = true;
    for (const r of state.recipients) delete r.nextReminderAt;
    return [{ type: 'finalise' }];
  }
  const invited = state.recipients.filter(
    (r) => r.routingOrder === order && isActingRole(r.role) && r.status === RecipientStatus.WAITING,
  );
  for (const r of invited) inviteRecipient(state, r, nowMs);
  return invited.length > 0
    ? [{ type: 'notify', kind: NotificationKind.INVITATION, recipientIds: invited.map((r) => r.id), toSender: false }]
    : [];
}

/** Starts an envelope: records SENT and invites the first group. */
export function startRouting(state: EnvelopeState, nowMs: number): Effect[] {
  return advanceRouting(state, nowMs);
}

/** Recipients who have been involved so far: invited, acted or declined (not those still waiting). */
export function involvedRecipients(state: EnvelopeState, exceptId?: string): RecipientState[] {
  return state.recipients.filter(
    (r) => r.id !== exceptId && r.status !== RecipientStatus.WAITING && isActingRole(r.role),
  );
}

/** Recipients who are PENDING now. */
export function pendingRecipients(state: EnvelopeState): RecipientState[] {
  return state.recipients.filter((r) => r.status === RecipientStatus.PENDING);
}
