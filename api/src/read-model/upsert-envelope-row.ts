import type { TEnvelopeEventsPublication } from '@signet/shared';
import { normaliseEmail } from '@signet/shared';
import type { Queryable } from '../db/database';

/** Lower-case subject, recipients' names and e-mails, document names, one per line: what `q` searches. */
export function searchTextOf(envelope: TEnvelopeEventsPublication['envelope']): string {
  const parts = [envelope.subject, ...envelope.recipients.flatMap((r) => [r.name, r.email]), ...envelope.documentNames];
  return parts.join('\n').toLowerCase();
}

/**
 * Writes the envelope's row when `revision` is newer than the stored one; an older or repeated publication
 * (a retry, a late activity) changes nothing. Returns whether the row changed. `warningMs` places the start
 * of the deadline warning window when the workflow did not say (`expiryWarningAt`).
 */
export async function upsertEnvelopeRow(
  db: Queryable,
  envelope: TEnvelopeEventsPublication['envelope'],
  options: { now: number; warningMs: number },
): Promise<boolean> {
  const warningAt =
    envelope.expiryWarningAt ?? new Date(Date.parse(envelope.expiresAt) - options.warningMs).toISOString();
  const rows = await db.query(
    `INSERT INTO envelope_read_model (envelope_id, revision, sender_id, sender_email, sender_name, subject, status,
       created_at, updated_at, ended_at, expires_at, warning_at, next_reminder_at, acted_count, required_count,
       recipients, document_names, search_text, signed_copy)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb, $17::jsonb, $18, $19)
     ON CONFLICT (envelope_id) DO UPDATE SET
       revision = EXCLUDED.revision, sender_name = EXCLUDED.sender_name, subject = EXCLUDED.subject,
       status = EXCLUDED.status, updated_at = EXCLUDED.updated_at, ended_at = EXCLUDED.ended_at,
       expires_at = EXCLUDED.expires_at, warning_at = EXCLUDED.warning_at,
       next_reminder_at = EXCLUDED.next_reminder_at, acted_count = EXCLUDED.acted_count,
       required_count = EXCLUDED.required_count, recipients = EXCLUDED.recipients,
       document_names = EXCLUDED.document_names, search_text = EXCLUDED.search_text,
       signed_copy = EXCLUDED.signed_copy
     WHERE envelope_read_model.revision < EXCLUDED.revision
     RETURNING envelope_id`,
    [
      envelope.envelopeId,
      envelope.revision,
      envelope.sender.id,
      normaliseEmail(envelope.sender.email),
      envelope.sender.name,
      envelope.subject,
      envelope.status,
      envelope.createdAt,
      new Date(options.now).toISOString(),
      envelope.endedAt ?? null,
      envelope.expiresAt,
      warningAt,
      envelope.nextReminderAt ?? null,
      envelope.progress.done,
      envelope.progress.required,
      JSON.stringify(envelope.recipients),
      JSON.stringify(envelope.documentNames),
      searchTextOf(envelope),
      envelope.signedCopy,
    ],
  );
  return rows.length > 0;
}

/** Flags the envelope as needing attention: a webhook delivery for it gave up. */
export async function markEnvelopeDeliveryFailed(db: Queryable, envelopeId: string): Promise<void> {
  await db.query('UPDATE envelope_read_model SET delivery_failed = true WHERE envelope_id = $1', [envelopeId]);
}
