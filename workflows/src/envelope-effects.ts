import { log, proxyActivities, upsertSearchAttributes } from '@temporalio/workflow';
import type { TEnvelopeView } from '@signet/shared';
import type { EnvelopeBrief, MailTarget, SendNotificationInput, SigningActivities } from './activities';
import type { Effect } from './machine/effects';
import type { EnvelopeState } from './machine/envelope-state';
import { findRecipient, progressOf } from './machine/envelope-state';
import { nextReminderAt } from './machine/timers';
import {
  ActedCountKey,
  EnvelopeStatusKey,
  ExpiresAtKey,
  NextReminderAtKey,
  RequiredCountKey,
} from './search-attributes';

// Mail is retried for a while (the SMTP server may be restarting); a permanent refusal is non-retryable.
const mail = proxyActivities<SigningActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 20 },
});

// Library writes retry without limit: the status must eventually reach the library.
export const library = proxyActivities<SigningActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

export function briefOf(state: EnvelopeState): EnvelopeBrief {
  const { config } = state;
  return {
    envelopeId: config.envelopeId,
    subject: config.subject,
    ...(config.message !== undefined ? { message: config.message } : {}),
    sender: config.sender,
    documentNames: state.documents.map((d) => d.name),
    expiresAt: state.expiresAt,
  };
}

/** Sends the mails of one notify effect in parallel. A failed mail is logged; it never stops the envelope. */
export async function runNotify(
  state: EnvelopeState,
  effect: Extract<Effect, { type: 'notify' }>,
  extra: Partial<SendNotificationInput> = {},
): Promise<void> {
  const targets: Array<{ key: string; to: MailTarget }> = [];
  for (const id of effect.recipientIds) {
    const r = findRecipient(state, id);
    if (r)
      targets.push({
        key: id,
        to: {
          email: r.email,
          name: r.name,
          recipient: { id: r.id, key: r.key, role: r.role },
          ...(r.locale ? { locale: r.locale } : {}),
        },
      });
  }
  if (effect.toSender)
    targets.push({ key: 'sender', to: { email: state.config.sender.email, name: state.config.sender.name } });
  const envelope = briefOf(state);
  const stamp = state.audit.length;
  const results = await Promise.allSettled(
    targets.map(({ key, to }) =>
      mail.sendNotification({
        kind: effect.kind,
        envelope,
        to,
        idempotencyKey: `${envelope.envelopeId}.${effect.kind}.${key}.${stamp}`,
        progress: progressOf(state),
        ...(effect.reason ? { reason: effect.reason } : {}),
        ...(effect.actorName ? { actorName: effect.actorName } : {}),
        ...extra,
      }),
    ),
  );
  results.forEach((result, i) => {
    if (result.status === 'rejected') {
      log.warn('notification not delivered', {
        kind: effect.kind,
        target: targets[i]?.key,
        error: String(result.reason),
      });
    }
  });
}

/** Publishes the status to admins (search attributes) and to the library (sidecar). */
export async function syncStatus(state: EnvelopeState, view: TEnvelopeView, revision: number): Promise<void> {
  const progress = progressOf(state);
  const reminder = nextReminderAt(state);
  upsertSearchAttributes([
    { key: EnvelopeStatusKey, value: state.status },
    { key: ExpiresAtKey, value: new Date(state.expiresAt) },
    { key: NextReminderAtKey, value: reminder ? new Date(reminder) : null },
    { key: ActedCountKey, value: progress.done },
    { key: RequiredCountKey, value: progress.required },
  ]);
  await library.updateDocumentStatus({
    envelopeId: state.config.envelopeId,
    documents: view.documents,
    status: view.status,
    finalising: view.finalising,
    progress,
    expiresAt: view.expiresAt,
    ...(reminder ? { nextReminderAt: reminder } : {}),
    legalHold: view.legalHold,
    revision,
  });
}
