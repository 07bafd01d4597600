import type { TEnvelopeWorkflowInput } from '@signet/shared';
import { makeEnvelopeInput, recipientSlot } from '../support/envelope-fixtures';

export const SIGNERS_PER_ENVELOPE = 3;

/** Library path of envelope `index`'s document: one file per envelope, so signed copies never collide. */
export function benchDocumentPath(index: number): string {
  return `bench/envelope-${index}.pdf`;
}

/**
 * Envelope `index` of a run: one document, three signers in sequence (routing orders 1, 2, 3), and the
 * fixtures' usual reminders, expiry and retention, so every timer and the retention child workflow of a
 * real envelope are part of the measured lifecycle.
 */
export function benchEnvelopeInput(runId: string, index: number): TEnvelopeWorkflowInput {
  const path = benchDocumentPath(index);
  return makeEnvelopeInput(Date.now(), {
    envelopeId: `bench-${runId}-${index}`,
    subject: `Benchmark agreement ${index}`,
    documents: [{ documentId: 'doc-1', name: path.split('/').pop()!, ref: { library: 'local', path } }],
    recipients: Array.from({ length: SIGNERS_PER_ENVELOPE }, (_, i) => recipientSlot(`signer${i + 1}`, i + 1)),
  });
}
