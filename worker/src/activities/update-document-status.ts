import type { DocumentStatusRecord } from '@signet/shared/node';
import type { UpdateDocumentStatusInput } from '@signet/workflows';
import type { ActivityDeps } from './activity-deps';
import { nowOf } from './activity-deps';

/**
 * Writes the envelope's status beside every document. The library ignores a record older than the stored
 * one, so a late retry of an earlier revision cannot roll the status back.
 */
export async function updateDocumentStatus(deps: ActivityDeps, input: UpdateDocumentStatusInput): Promise<void> {
  const updatedAt = nowOf(deps).toISOString();
  await Promise.all(
    input.documents.map((document) => {
      const record: DocumentStatusRecord = {
        envelopeId: input.envelopeId,
        status: input.status,
        finalising: input.finalising,
        progress: input.progress,
        expiresAt: input.expiresAt,
        ...(input.nextReminderAt ? { nextReminderAt: input.nextReminderAt } : {}),
        legalHold: input.legalHold,
        ...(document.signedCopyRef ? { signedCopyPath: document.signedCopyRef.path } : {}),
        revision: input.revision,
        updatedAt,
      };
      return deps.library.writeStatus(document.ref.path, record);
    }),
  );
}
