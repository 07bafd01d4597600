import { EnvelopeStatus } from '@signet/shared';
import type { DocumentStatusRecord } from '@signet/shared/node';
import type { DeleteDocumentsInput, DeleteDocumentsResult } from '@signet/workflows';
import type { TEnvelopeDocument } from '@signet/shared';
import type { ActivityDeps } from './activity-deps';
import { nowOf } from './activity-deps';

// The sidecar normally exists (the envelope wrote its final status); without one, the outcome is only in
// the workflow history, and the signed copy is the one safe clue: it exists only for completed envelopes.
function tombstoneOf(
  stored: DocumentStatusRecord | undefined,
  envelopeId: string,
  document: TEnvelopeDocument,
  now: string,
): DocumentStatusRecord {
  const base: DocumentStatusRecord = stored ?? {
    envelopeId,
    status: document.signedCopyRef ? EnvelopeStatus.COMPLETED : EnvelopeStatus.CANCELLED,
    finalising: false,
    progress: { done: 0, required: 0 },
    expiresAt: now,
    legalHold: false,
    revision: 0,
    updatedAt: now,
  };
  return {
    ...base,
    envelopeId,
    finalising: false,
    ...(document.signedCopyRef ? { signedCopyPath: document.signedCopyRef.path } : {}),
    deletedAt: base.deletedAt ?? now,
    // Above anything the envelope wrote, so no late status update can resurrect the document's status.
    revision: base.revision + 1,
    updatedAt: now,
  };
}

/**
 * Retention: deletes each document's original and signed copy and leaves a tombstone status with
 * `deletedAt`. The tombstone is written first, so a retry after a partial run knows that files already
 * missing were deleted by this envelope's retention and still reports them. Missing files are fine.
 */
export async function deleteDocuments(deps: ActivityDeps, input: DeleteDocumentsInput): Promise<DeleteDocumentsResult> {
  const now = nowOf(deps).toISOString();
  const deleted: string[] = [];
  for (const document of input.documents) {
    const stored = await deps.library.readStatus(document.ref.path);
    const deletedBefore = stored?.envelopeId === input.envelopeId && stored.deletedAt !== undefined;
    await deps.library.writeStatus(document.ref.path, tombstoneOf(stored, input.envelopeId, document, now));
    const paths = [
      document.ref.path,
      ...(document.signedCopyRef ? [document.signedCopyRef.path] : []),
      ...(document.evidenceRef ? [document.evidenceRef.path] : []),
    ];
    for (const path of paths) {
      if ((await deps.library.remove(path)) || deletedBefore) deleted.push(path);
    }
  }
  deps.logger.info('documents deleted', { envelopeId: input.envelopeId, files: deleted.length });
  return { deleted };
}
