// Client entry: message definitions, the activity contract and types. Workflow functions are exported
// for typed starts (`client.workflow.start(envelopeWorkflow, …)`); only the worker's bundle runs them.
export {
  addRecipientUpdate,
  approveEnvelopeUpdate,
  cancelEnvelopeUpdate,
  declineEnvelopeUpdate,
  delegateEnvelopeUpdate,
  envelopeStatusQuery,
  extendDeadlineUpdate,
  recipientViewedSignal,
  remindNowUpdate,
  removeRecipientUpdate,
  replaceRecipientUpdate,
  retentionStatusQuery,
  setLegalHoldUpdate,
  signEnvelopeUpdate,
} from './definitions';
export type {
  DeleteDocumentsInput,
  DeleteDocumentsResult,
  DeliverWebhookInput,
  PublishEnvelopeEventsInput,
  EnvelopeBrief,
  MailTarget,
  SealDocumentInput,
  SealDocumentResult,
  SendNotificationInput,
  SignatureLine,
  SigningActivities,
  StoreSignedCopyInput,
  StoreSignedCopyResult,
  UpdateDocumentStatusInput,
} from './activities';
export { bulkSendProgressQuery } from './bulk-send-workflow';
export type {
  BulkSendActivities,
  BulkSendProgress,
  BulkSendWorkflowArgs,
  StartBulkSendBatchInput,
} from './bulk-send-workflow';
export type { EnvelopeOutcome } from './envelope-workflow';
export type { EnvelopeState } from './machine/envelope-state';
export type { RetentionInput, RetentionView } from './retention-types';
export type { WebhookDeliveryOutcome } from './webhook-delivery-workflow';
export {
  ActedCountKey,
  EnvelopeStatusKey,
  ExpiresAtKey,
  NextReminderAtKey,
  RequiredCountKey,
  SenderIdKey,
  SIGNET_SEARCH_ATTRIBUTE_KEYS,
  SourceLibraryKey,
} from './search-attributes';
