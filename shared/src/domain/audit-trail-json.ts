import type { TAuditEvent } from '../schemas/envelope-state';

/** What an audit trail download says about its envelope besides the events. */
export type AuditTrailJsonOptions = {
  envelopeId?: string;
  subject?: string;
  originalSha256?: string;
};

/** One audit event in the JSON downloads, keys in a fixed order (the evidence JSON and the audit trail JSON). */
export function auditEventJson(event: TAuditEvent): Record<string, unknown> {
  return {
    at: event.at,
    type: event.type,
    actor: event.actor,
    authMethod: event.authMethod,
    recipientId: event.recipientId,
    details: event.details,
  };
}

/**
 * The audit trail as JSON (format `signet-audit-trail`, version 1): stable key order, events as the workflow
 * recorded them. The API serves it for any envelope; the sealed PDF embeds the same events.
 */
export function auditTrailJson(events: TAuditEvent[], options: AuditTrailJsonOptions = {}): string {
  const trail = {
    format: 'signet-audit-trail',
    version: 1,
    envelopeId: options.envelopeId,
    subject: options.subject,
    originalSha256: options.originalSha256,
    events: events.map(auditEventJson),
  };
  return `${JSON.stringify(trail, null, 2)}\n`;
}
