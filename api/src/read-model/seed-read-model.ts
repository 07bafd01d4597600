import type { Queryable } from '../db/database';
import { upsertEnvelopeRow } from './upsert-envelope-row';

// Test support (not used by the product): read model rows for route tests that list envelopes.

/** One pending envelope row per `envelopeId → sender e-mail`. */
export async function seedReadModel(db: Queryable, owners: Record<string, string>, now: number): Promise<void> {
  for (const [envelopeId, email] of Object.entries(owners)) {
    await upsertEnvelopeRow(
      db,
      {
        envelopeId,
        revision: 1,
        subject: `Envelope ${envelopeId}`,
        sender: { id: `u-${envelopeId}`, email, name: email },
        status: 'PENDING',
        createdAt: new Date(now).toISOString(),
        expiresAt: new Date(now + 14 * 86_400_000).toISOString(),
        progress: { done: 0, required: 1 },
        recipients: [],
        documentNames: [],
        signedCopy: false,
      },
      { now, warningMs: 2 * 86_400_000 },
    );
  }
}
