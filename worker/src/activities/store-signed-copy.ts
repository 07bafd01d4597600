import type { StoreSignedCopyInput, StoreSignedCopyResult } from '@signet/workflows';
import type { ActivityDeps } from './activity-deps';

/** Moves the staged sealed copy beside its original (atomic; a retry after success returns the same copy). */
export async function storeSignedCopy(deps: ActivityDeps, input: StoreSignedCopyInput): Promise<StoreSignedCopyResult> {
  const { path } = await deps.library.commitSignedCopy(input.stagedKey, input.document.ref.path);
  deps.logger.info('signed copy stored', { envelopeId: input.envelopeId, documentId: input.document.documentId, path });
  return { signedCopyRef: { library: 'local', path } };
}
