import { AuditEventType, EnvelopeStatus, NotificationKind } from '@signet/shared';
import type { Effect } from './effects';
import type { EnvelopeState } from './envelope-state';
import { iso, recordAudit, SYSTEM_ACTOR, warningAtOf } from './envelope-state';
import { endEnvelope } from './recipient-actions';
import { pendingRecipients } from './routing';

/**
 * Reminder rule: first `firstAfter` after a recipient's invitation, then every `every`, at most `max`,
 * only while it is their turn, and never at or after the deadline.
 */
export function nextReminderAt(state: EnvelopeState): string | undefined {
  const expires = Date.parse(state.expiresAt);
  let next: number | undefined;
  for (const r of pendingRecipients(state)) {
    if (!r.nextReminderAt) continue;
    const at = Date.parse(r.nextReminderAt);
    if (at < expires && (next === undefined || at < next)) next = at;
  }
  return next === undefined ? undefined : iso(next);
}

/** The next moment a timer rule may fire; undefined once the envelope is no longer pending. */
export function nextWakeAt(state: EnvelopeState): number | undefined {
  if (state.status !== EnvelopeStatus.PENDING || state.finalising) return undefined;
  const candidates = [Date.parse(state.expiresAt)];
  const warning = warningAtOf(state);
  if (warning && !state.expiryWarningSent) candidates.push(Date.parse(warning));
  const reminder = nextReminderAt(state);
  if (reminder) candidates.push(Date.parse(reminder));
  return Math.min(...candidates);
}

/** Applies every timer rule that is due at `nowMs`: expiry first (it wins), then the warning, then reminders. */
export function applyDueTimers(state: EnvelopeState, nowMs: number): Effect[] {
  if (state.status !== EnvelopeStatus.PENDING || state.finalising) return [];
  if (nowMs >= Date.parse(state.expiresAt)) return expire(state, nowMs);
  const effects: Effect[] = [];
  const warning = warningAtOf(state);
  if (warning && !state.expiryWarningSent && nowMs >= Date.parse(warning)) {
    state.expiryWarningSent = true;
    const pending = pendingRecipients(state);
    recordAudit(state, nowMs, AuditEventType.EXPIRY_WARNED, SYSTEM_ACTOR, {
      details: { expiresAt: state.expiresAt, recipients: pending.length },
    });
    effects.push({
      type: 'notify',
      kind: NotificationKind.EXPIRY_WARNING,
      recipientIds: pending.map((r) => r.id),
      toSender: true,
    });
  }
  const policy = state.config.reminders;
  const due = pendingRecipients(state).filter((r) => r.nextReminderAt && Date.parse(r.nextReminderAt) <= nowMs);
  for (const r of due) {
    r.remindersSent += 1;
    r.lastRemindedAt = iso(nowMs);
    // Schedule from now, not from the plan: after downtime a recipient gets one reminder, not a burst.
    if (policy && r.remindersSent < policy.max) r.nextReminderAt = iso(nowMs + policy.everyMs);
    else delete r.nextReminderAt;
    recordAudit(state, nowMs, AuditEventType.REMINDED, SYSTEM_ACTOR, {
      recipientId: r.id,
      details: { count: r.remindersSent },
    });
  }
  if (due.length > 0)
    effects.push({
      type: 'notify',
      kind: NotificationKind.REMINDER,
      recipientIds: due.map((r) => r.id),
      toSender: false,
    });
  return effects;
}

/** Deadline passed: EXPIRED; signatures already given stay in the record; the sender and pending recipients are told. */
function expire(state: EnvelopeState, nowMs: number): Effect[] {
  const pending = pendingRecipients(state).map((r) => r.id);
  recordAudit(state, nowMs, AuditEventType.EXPIRED, SYSTEM_ACTOR, { details: { expiresAt: state.expiresAt } });
  endEnvelope(state, EnvelopeStatus.EXPIRED, 'deadline passed', nowMs);
  return [{ type: 'notify', kind: NotificationKind.EXPIRED, recipientIds: pending, toSender: true }];
}
