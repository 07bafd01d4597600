import type { StoreSignedCopyInput, StoreSignedCopyResult } from '@signet/workflows';
import type { ActivityDeps } from './activity-deps';

/**
 * Moves the staged sealed copy (and the separate evidence file, when there is one) beside its original; each
 * move is atomic, and a retry after success returns the same files.
 */
export async function storeSignedCopy(deps: ActivityDeps, input: StoreSignedCopyInput): Promise<StoreSignedCopyResult> {
  const { path } = await deps.library.commitSignedCopy(input.stagedKey, input.document.ref.path);
  const evidence = input.evidenceStagedKey
    ? await deps.library.commitEvidence(input.evidenceStagedKey, input.document.ref.path)
    : undefined;
  deps.logger.info('signed copy stored', {
    envelopeId: input.envelopeId,
    documentId: input.document.documentId,
    path,
    ...(evidence ? { evidencePath: evidence.path } : {}),
  });
  return {
    signedCopyRef: { library: 'local', path },
    ...(evidence ? { evidenceRef: { library: 'local', path: evidence.path } } : {}),
  };
}
