// Browser- and workflow-sandbox-safe entry: no Node built-ins, no SDKs (enforced by eslint.config.mjs).
export {
  ActorKind,
  AUDIT_EVENT_TYPES,
  AUTH_METHODS,
  AuditEventType,
  AuthMethod,
  ENVELOPE_STATUSES,
  EnvelopeStatus,
  isActingRole,
  isTerminalStatus,
  NOTIFICATION_KINDS,
  NotificationKind,
  RECIPIENT_ROLES,
  RECIPIENT_STATUSES,
  RecipientRole,
  RecipientStatus,
  MAX_SIGNATURE_IMAGE_BYTES,
  RECIPIENT_AUTHENTICATIONS,
  RecipientAuthentication,
  satisfiesAuthentication,
  SEAL_LEVELS,
  SIGNATURE_KINDS,
  SignatureKind,
} from './domain/vocabulary';
export type { SealLevel } from './domain/vocabulary';
export { DEFAULT_LOCALE, interpolate, isLocale, LOCALE_NAMES, LOCALES, negotiateLocale } from './i18n/locale';
export type { Locale } from './i18n/locale';
export { SENDER_MESSAGES } from './i18n/sender';
export type { SenderMessageKey, SenderMessages } from './i18n/sender';
export { MAIL_CATALOGUES } from './i18n/mail';
export type { MailCatalogue, MailMessageKey, MailPluralKey } from './i18n/mail';
export { SIGNING_MESSAGES } from './i18n/signing';
export type { SigningMessageKey, SigningMessages } from './i18n/signing';
export { formatDuration, parseDuration } from './domain/duration';
export { auditEventJson, auditTrailJson } from './domain/audit-trail-json';
export type { AuditTrailJsonOptions } from './domain/audit-trail-json';
export {
  APP_ERROR_CODES,
  AppError,
  AppErrorCode,
  ERROR_CATALOGUE,
  isAppErrorCode,
  toErrorBody,
} from './errors/app-error';
export type { AppErrorOptions, ErrorBody } from './errors/app-error';
export { isValidEmail, normaliseEmail, parseOrThrow, ZIdSchema, ZIsoDateTimeSchema } from './schemas/common';
export {
  ZCreateEnvelopeRequestSchema,
  ZLibraryPathSchema,
  ZRecipientRequestSchema,
  ZRemindersRequestSchema,
} from './schemas/envelope-request';
export type {
  TCreateEnvelopeRequest,
  TCreateEnvelopeRequestInput,
  TRecipientRequest,
  TRecipientRequestInput,
} from './schemas/envelope-request';
export {
  ZAddRecipientRequestSchema,
  ZApproveRequestSchema,
  ZCancelEnvelopeRequestSchema,
  ZCreateEnvelopeResponseSchema,
  ZDeclineRequestSchema,
  ZDelegateRequestSchema,
  ZEnvelopeListSchema,
  ZEnvelopeSummarySchema,
  ZExtendDeadlineRequestSchema,
  ZListEnvelopesQuerySchema,
  ZRemindRecipientsRequestSchema,
  ZReplaceRecipientRequestSchema,
  ZSetLegalHoldRequestSchema,
  ZSignRequestSchema,
} from './schemas/api';
export type {
  TAddRecipientRequest,
  TCancelEnvelopeRequest,
  TCreateEnvelopeResponse,
  TDeclineRequest,
  TDelegateRequest,
  TEnvelopeList,
  TEnvelopeSummary,
  TExtendDeadlineRequest,
  TListEnvelopesQuery,
  TRemindRecipientsRequest,
  TReplaceRecipientRequest,
  TSetLegalHoldRequest,
  TSignRequest,
} from './schemas/api';
export {
  ZAuditTrailJsonSchema,
  ZDocumentStatusRecordSchema,
  ZErrorBodySchema,
  ZLegalHoldResponseSchema,
  ZLibraryListSchema,
  ZSignatureReportSchema,
  ZVerifyReportSchema,
} from './schemas/responses';
export type { TAuditTrailJson, TLegalHoldResponse, TLibraryList, TVerifyReport } from './schemas/responses';
export {
  ZRecipientActionNameSchema,
  ZRecipientEnvelopeViewSchema,
  ZRoutingGroupSchema,
} from './schemas/recipient-view';
export type { TRecipientEnvelopeView } from './schemas/recipient-view';
export {
  ZAuthenticationRequiredDetailsSchema,
  ZOtpSendRequestSchema,
  ZOtpSentSchema,
  ZOtpVerifyRequestSchema,
  ZRecipientSessionSchema,
} from './schemas/recipient-auth';
export type {
  TAuthenticationRequiredDetails,
  TOtpSent,
  TOtpVerifyRequest,
  TRecipientSession,
} from './schemas/recipient-auth';
export {
  ZActorSchema,
  ZAuditEventSchema,
  ZDocumentRefSchema,
  ZEnvelopeDocumentSchema,
  ZEnvelopeViewSchema,
  ZPersonSchema,
  ZRecipientViewSchema,
} from './schemas/envelope-state';
export type {
  TActor,
  TAuditEvent,
  TDocumentRef,
  TEnvelopeDocument,
  TEnvelopeView,
  TPerson,
  TRecipientView,
} from './schemas/envelope-state';
export {
  ZEnvelopeWorkflowInputSchema,
  ZRecipientSlotSchema,
  ZReminderPolicySchema,
  ZRetentionPolicySchema,
} from './schemas/envelope-input';
export type {
  TEnvelopeWorkflowInput,
  TRecipientSlot,
  TReminderPolicy,
  TRetentionPolicy,
} from './schemas/envelope-input';
export {
  ZAddRecipientInputSchema,
  ZApproveInputSchema,
  ZCancelInputSchema,
  ZDeclineInputSchema,
  ZDelegateInputSchema,
  ZExtendInputSchema,
  ZNewRecipientSchema,
  ZRecipientCredentialSchema,
  ZRemindInputSchema,
  ZRemoveRecipientInputSchema,
  ZReplaceRecipientInputSchema,
  ZSenderActorSchema,
  ZSetLegalHoldInputSchema,
  ZSignInputSchema,
  ZVerifiedIdentitySchema,
  ZViewedInputSchema,
} from './schemas/envelope-actions';
export type {
  TAddRecipientInput,
  TApproveInput,
  TCancelInput,
  TDeclineInput,
  TDelegateInput,
  TExtendInput,
  TNewRecipient,
  TRecipientCredential,
  TRemindInput,
  TRemoveRecipientInput,
  TReplaceRecipientInput,
  TSenderActor,
  TSetLegalHoldInput,
  TSignInput,
  TVerifiedIdentity,
  TViewedInput,
} from './schemas/envelope-actions';
export {
  ENVELOPE_WORKFLOW_TYPE,
  envelopeIdFromWorkflowId,
  envelopeWorkflowId,
  RETENTION_WORKFLOW_TYPE,
  retentionWorkflowId,
  SEARCH_ATTRIBUTES,
  TASK_QUEUE,
} from './temporal-names';
export type { SearchAttributeName } from './temporal-names';
export {
  eventTypesOfAudit,
  SUBSCRIBABLE_EVENT_TYPES,
  WEBHOOK_DELIVERY_WORKFLOW_TYPE,
  WEBHOOK_EVENT_TYPES,
  webhookDeliveryWorkflowId,
  WebhookEventType,
} from './domain/webhook-events';
export {
  WEBHOOK_DELIVERY_STATES,
  ZCreateWebhookRequestSchema,
  ZEnvelopeEventsPublicationSchema,
  ZListWebhookDeliveriesQuerySchema,
  ZWebhookAttemptSchema,
  ZWebhookDeliveryInputSchema,
  ZWebhookDeliveryListSchema,
  ZWebhookDeliverySchema,
  ZWebhookEventSchema,
  ZWebhookListSchema,
  ZWebhookSchema,
  ZWebhookWithSecretSchema,
} from './schemas/webhooks';
export type {
  TCreateWebhookRequest,
  TEnvelopeEventsPublication,
  TListWebhookDeliveriesQuery,
  TWebhook,
  TWebhookAttempt,
  TWebhookDelivery,
  TWebhookDeliveryInput,
  TWebhookDeliveryList,
  TWebhookEvent,
  TWebhookList,
  TWebhookWithSecret,
} from './schemas/webhooks';
export { ENVELOPE_LIST_SORTS, ENVELOPE_LIST_VIEWS } from './schemas/api';
export {
  ZCreateEnvelopeFromTemplateRequestSchema,
  ZTemplateListSchema,
  ZTemplateRecipientFillSchema,
  ZTemplateRecipientSchema,
  ZTemplateRequestSchema,
  ZTemplateSchema,
  ZTemplateSettingsSchema,
} from './schemas/templates';
export type {
  TCreateEnvelopeFromTemplateRequest,
  TTemplate,
  TTemplateList,
  TTemplateRecipient,
  TTemplateRecipientFill,
  TTemplateRequest,
  TTemplateRequestInput,
  TTemplateSettings,
  TTemplateSettingsInput,
} from './schemas/templates';
export {
  BULK_ROW_STATUSES,
  BULK_SEND_WORKFLOW_TYPE,
  bulkRowEnvelopeId,
  bulkSendWorkflowId,
  ZBulkProblemSchema,
  ZBulkSendBatchRequestSchema,
  ZBulkSendBatchResultSchema,
  ZBulkSendCreatedSchema,
  ZBulkSendListSchema,
  ZBulkSendRequestSchema,
  ZBulkSendRowSchema,
  ZBulkSendRowsQuerySchema,
  ZBulkSendSummarySchema,
  ZBulkSendViewSchema,
  ZBulkSendWorkflowInputSchema,
} from './schemas/bulk-send';
export type {
  BulkRowStatus,
  TBulkProblem,
  TBulkSendBatchRequest,
  TBulkSendBatchResult,
  TBulkSendCreated,
  TBulkSendList,
  TBulkSendRequest,
  TBulkSendView,
  TBulkSendWorkflowInput,
} from './schemas/bulk-send';
