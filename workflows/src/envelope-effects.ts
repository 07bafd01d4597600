import { log, patched, proxyActivities, upsertSearchAttributes } from '@temporalio/workflow';
import type { TEnvelopeView } from '@signet/shared';
import type {
  EnvelopeBrief,
  MailTarget,
  PublishEnvelopeEventsInput,
  SendNotificationInput,
  SigningActivities,
} from './activities';
import type { Effect } from './machine/effects';
import type { EnvelopeState } from './machine/envelope-state';
import { findRecipient, progressOf } from './machine/envelope-state';
import { nextReminderAt } from './machine/timers';
import { senderTarget } from './mail-targets';
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
  if (effect.toSender) targets.push({ key: 'sender', to: senderTarget(state.config.sender) });
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

/** Publishes the status to admins (search attributes), to the library (sidecar) and to the API (read model, webhooks). */
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
  const sidecar = library.updateDocumentStatus({
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
  // Scheduled in the same task as the sidecar write, after it. Histories recorded before the read model and
  // webhooks never scheduled it, hence the patch.
  const published = patched('publish-envelope-events') ? publishEnvelopeEvents(state, view, revision) : undefined;
  await sidecar;
  await published;
}

// The read model must eventually catch up, like the library: retried without limit.
const publisher = proxyActivities<SigningActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** Sends the envelope's state (to the API's read model) and the audit events not yet published (webhooks). */
async function publishEnvelopeEvents(state: EnvelopeState, view: TEnvelopeView, revision: number): Promise<void> {
  const from = state.publishedAuditCount ?? 0;
  const to = state.audit.length;
  try {
    await publisher.publishEnvelopeEvents(publicationOf(state, view, revision, from, to));
    state.publishedAuditCount = to;
  } catch (error) {
    // Only a permanent refusal gets here (retries are unlimited); the envelope goes on, and the next
    // publication sends these events again.
    log.warn('envelope events not published', { revision, error: String(error) });
  }
}

function publicationOf(
  state: EnvelopeState,
  view: TEnvelopeView,
  revision: number,
  from: number,
  to: number,
): PublishEnvelopeEventsInput {
  return {
    envelope: {
      envelopeId: view.envelopeId,
      revision,
      subject: view.subject,
      sender: { id: view.sender.id, email: view.sender.email, name: view.sender.name },
      status: view.status,
      createdAt: view.createdAt,
      ...(view.endedAt ? { endedAt: view.endedAt } : {}),
      expiresAt: view.expiresAt,
      ...(view.expiryWarningAt ? { expiryWarningAt: view.expiryWarningAt } : {}),
      ...(view.nextReminderAt ? { nextReminderAt: view.nextReminderAt } : {}),
      progress: view.progress,
      recipients: view.recipients.map((r) => ({
        id: r.id,
        name: r.name,
        email: r.email,
        role: r.role,
        status: r.status,
      })),
      documentNames: view.documents.map((d) => d.name),
      signedCopy: view.documents.length > 0 && view.documents.every((d) => d.signedCopyRef !== undefined),
    },
    events: state.audit.slice(from, to).map((event, offset) => ({
      index: from + offset,
      type: event.type,
      at: event.at,
      ...(event.recipientId ? { recipientId: event.recipientId } : {}),
    })),
  };
}
