import type { SigningActivities } from '@signet/workflows';

const NO_HASH = '0'.repeat(64);

/**
 * The shape baseline's activities: every call returns at once with a valid result and records nothing, so
 * the run costs exactly what the envelope workflow asks of the engine (same activities, same Updates,
 * same timers and child workflow) and nothing of what Signet's activities do (SMTP, pdf-lib, files).
 */
export function noopActivities(): SigningActivities {
  return {
    sendNotification: async () => undefined,
    sealDocument: async (input) => ({
      originalSha256: NO_HASH,
      sealedSha256: NO_HASH,
      stagedKey: `staged/${input.envelopeId}/${input.document.documentId}`,
    }),
    storeSignedCopy: async (input) => ({
      signedCopyRef: { library: 'local', path: input.document.ref.path.replace(/\.pdf$/, '.signed.pdf') },
    }),
    updateDocumentStatus: async () => undefined,
    deleteDocuments: async (input) => ({ deleted: input.documents.map((d) => d.ref.path) }),
    publishEnvelopeEvents: async () => undefined,
    deliverWebhook: async () => undefined,
  };
}
