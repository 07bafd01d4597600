import type { AuditEventType } from './vocabulary';

/**
 * Public webhook event names, defined once (wire names: renaming one breaks subscribers). They are derived
 * from audit events (`eventTypeOfAudit`); `ping` is sent only by `POST /api/v1/webhooks/:id/test`.
 */
export const WebhookEventType = {
  ENVELOPE_SENT: 'envelope.sent',
  RECIPIENT_VIEWED: 'recipient.viewed',
  RECIPIENT_SIGNED: 'recipient.signed',
  RECIPIENT_APPROVED: 'recipient.approved',
  RECIPIENT_DECLINED: 'recipient.declined',
  RECIPIENT_DELEGATED: 'recipient.delegated',
  ENVELOPE_COMPLETED: 'envelope.completed',
  ENVELOPE_DECLINED: 'envelope.declined',
  ENVELOPE_CANCELLED: 'envelope.cancelled',
  ENVELOPE_EXPIRED: 'envelope.expired',
  ENVELOPE_DELETED: 'envelope.deleted',
  PING: 'ping',
} as const;
export type WebhookEventType = (typeof WebhookEventType)[keyof typeof WebhookEventType];
export const WEBHOOK_EVENT_TYPES = Object.values(WebhookEventType);
/** What a subscription may name (`ping` goes to the tested subscription only). */
export const SUBSCRIBABLE_EVENT_TYPES = WEBHOOK_EVENT_TYPES.filter((type) => type !== WebhookEventType.PING);

const BY_AUDIT: Partial<Record<AuditEventType, WebhookEventType>> = {
  SENT: WebhookEventType.ENVELOPE_SENT,
  VIEWED: WebhookEventType.RECIPIENT_VIEWED,
  SIGNED: WebhookEventType.RECIPIENT_SIGNED,
  APPROVED: WebhookEventType.RECIPIENT_APPROVED,
  DELEGATED: WebhookEventType.RECIPIENT_DELEGATED,
  COMPLETED: WebhookEventType.ENVELOPE_COMPLETED,
  CANCELLED: WebhookEventType.ENVELOPE_CANCELLED,
  EXPIRED: WebhookEventType.ENVELOPE_EXPIRED,
  DELETED: WebhookEventType.ENVELOPE_DELETED,
};

/**
 * The webhook events one audit event raises. A decline ends the envelope, so DECLINED raises both the
 * recipient's and the envelope's event. Audit events without a public name (reminders, sealing, …) raise none.
 */
export function eventTypesOfAudit(type: AuditEventType): WebhookEventType[] {
  if (type === 'DECLINED') return [WebhookEventType.RECIPIENT_DECLINED, WebhookEventType.ENVELOPE_DECLINED];
  const mapped = BY_AUDIT[type];
  return mapped ? [mapped] : [];
}

/** Workflow type and id of one webhook delivery (wire names, like those in temporal-names.ts). */
export const WEBHOOK_DELIVERY_WORKFLOW_TYPE = 'webhookDeliveryWorkflow';
export function webhookDeliveryWorkflowId(deliveryId: string): string {
  return `webhook-delivery-${deliveryId}`;
}
