// The worker's `workflowsPath` entry: every workflow type, by its exported function name.
export { envelopeWorkflow } from './envelope-workflow';
export { retentionWorkflow } from './retention-workflow';
export { webhookDeliveryWorkflow } from './webhook-delivery-workflow';
export { bulkSendWorkflow } from './bulk-send-workflow';
