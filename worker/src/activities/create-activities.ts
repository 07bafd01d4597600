import type { BulkSendActivities, SigningActivities } from '@signet/workflows';
import type { ActivityDeps } from './activity-deps';
import { withActivityFailures } from './activity-failure';
import { deleteDocuments } from './delete-documents';
import { deliverWebhook } from './deliver-webhook';
import { publishEnvelopeEvents } from './publish-envelope-events';
import { sealDocument } from './seal-document';
import { sendNotification } from './send-notification';
import { startBulkSendBatch } from './start-bulk-send-batch';
import { storeSignedCopy } from './store-signed-copy';
import { updateDocumentStatus } from './update-document-status';

/**
 * The worker's implementation of the workflows' activity contract. The keys are the activity wire names.
 * Every activity maps its failures through one helper (activity-failure.ts), so workflows can branch on
 * `ApplicationFailure.type` = AppErrorCode and permanent faults are never retried.
 */
export function createActivities(deps: ActivityDeps): SigningActivities & BulkSendActivities {
  const { logger } = deps;
  return {
    sendNotification: (input) => withActivityFailures(logger, 'sendNotification', () => sendNotification(deps, input)),
    sealDocument: (input) => withActivityFailures(logger, 'sealDocument', () => sealDocument(deps, input)),
    storeSignedCopy: (input) => withActivityFailures(logger, 'storeSignedCopy', () => storeSignedCopy(deps, input)),
    updateDocumentStatus: (input) =>
      withActivityFailures(logger, 'updateDocumentStatus', () => updateDocumentStatus(deps, input)),
    deleteDocuments: (input) => withActivityFailures(logger, 'deleteDocuments', () => deleteDocuments(deps, input)),
    publishEnvelopeEvents: (input) =>
      withActivityFailures(logger, 'publishEnvelopeEvents', () => publishEnvelopeEvents(deps, input)),
    deliverWebhook: (input) => withActivityFailures(logger, 'deliverWebhook', () => deliverWebhook(deps, input)),
    startBulkSendBatch: (input) =>
      withActivityFailures(logger, 'startBulkSendBatch', () => startBulkSendBatch(deps, input)),
  } satisfies SigningActivities & BulkSendActivities;
}
