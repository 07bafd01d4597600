import type { SendNotificationInput, SigningActivities } from '@signet/workflows';

/** What a workflow test asks of its activities, recorded in call order. */
export type RecordedActivities = SigningActivities & {
  mails: SendNotificationInput[];
  calls: string[];
  /** Mails of one kind, as `to` addresses. */
  mailsTo(kind: SendNotificationInput['kind']): string[];
};

/**
 * Activity doubles for workflow tests: the workflow is the unit under test here; the real activities are
 * exercised in the worker's own tests and in the end-to-end test.
 */
export function recordingActivities(): RecordedActivities {
  const mails: SendNotificationInput[] = [];
  const calls: string[] = [];
  return {
    mails,
    calls,
    mailsTo: (kind) => mails.filter((m) => m.kind === kind).map((m) => m.to.email),
    sendNotification: async (input) => {
      calls.push(`sendNotification:${input.kind}:${input.to.email}`);
      mails.push(input);
    },
    sealDocument: async (input) => {
      calls.push(`sealDocument:${input.document.name}`);
      return {
        originalSha256: 'a'.repeat(64),
        sealedSha256: 'b'.repeat(64),
        stagedKey: `staged/${input.document.documentId}`,
      };
    },
    storeSignedCopy: async (input) => {
      calls.push(`storeSignedCopy:${input.document.name}`);
      return { signedCopyRef: { library: 'local', path: input.document.ref.path.replace(/\.pdf$/, '.signed.pdf') } };
    },
    updateDocumentStatus: async (input) => {
      calls.push(`updateDocumentStatus:${input.status}`);
    },
    deleteDocuments: async (input) => {
      calls.push(`deleteDocuments:${input.documents.length}`);
      return { deleted: input.documents.map((d) => d.ref.path) };
    },
    // Read model and webhooks: not recorded in `calls`, so call-order assertions stay about the envelope itself.
    publishEnvelopeEvents: async () => undefined,
    deliverWebhook: async () => undefined,
  };
}
