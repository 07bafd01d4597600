import type { TAuditEvent, TEnvelopeView, TRecipientView } from '@signet/shared';
import { formatTime, renderTable } from './text';

function person(name: string | undefined, email: string | undefined): string {
  if (name && email && name !== email) return `${name} <${email}>`;
  return name ?? email ?? '-';
}

function recipientRows(view: TEnvelopeView): string[][] {
  return [...view.recipients]
    .sort((a, b) => a.routingOrder - b.routingOrder)
    .map((r: TRecipientView) => [
      String(r.routingOrder),
      person(r.name, r.email),
      r.role,
      r.status,
      formatTime(r.invitedAt),
      formatTime(r.viewedAt),
      formatTime(r.actedAt),
      formatTime(r.nextReminderAt),
      r.id,
    ]);
}

function auditLine(event: TAuditEvent, names: Map<string, string>): string {
  const who = event.actor.kind === 'SYSTEM' ? 'Signet' : person(event.actor.name, event.actor.email);
  const about =
    event.recipientId && event.recipientId !== event.actor.recipientId
      ? ` → ${names.get(event.recipientId) ?? event.recipientId}`
      : '';
  const details = Object.entries(event.details ?? {})
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(' ');
  return `${formatTime(event.at)}  ${event.type.padEnd(19)} ${who} (${event.authMethod})${about}${details ? `  ${details}` : ''}`.trimEnd();
}

function retentionLine(view: TEnvelopeView): string | undefined {
  if (!view.retention) return undefined;
  if (view.retention.deletedAt) return `documents deleted ${formatTime(view.retention.deletedAt)}`;
  return view.retention.deleteAt ? `documents deleted after ${formatTime(view.retention.deleteAt)}` : undefined;
}

/** `signet status` for humans: summary, recipients table and the audit trail. Times are UTC. */
export function formatEnvelopeStatus(view: TEnvelopeView): string {
  const state = view.finalising ? `${view.status} (finalising)` : view.status;
  const summary: Array<[string, string | undefined]> = [
    ['Envelope', view.envelopeId],
    ['Status', `${state}, ${view.progress.done}/${view.progress.required} done`],
    ['Sender', person(view.sender.name, view.sender.email)],
    ['Created', formatTime(view.createdAt)],
    [
      'Deadline',
      view.expiryWarningAt
        ? `${formatTime(view.expiresAt)} (warning ${formatTime(view.expiryWarningAt)})`
        : formatTime(view.expiresAt),
    ],
    ['Next reminder', formatTime(view.nextReminderAt)],
    ['Ended', view.endedAt ? `${formatTime(view.endedAt)}${view.endReason ? ` (${view.endReason})` : ''}` : undefined],
    ['Legal hold', view.legalHold ? 'yes' : 'no'],
    ['Retention', retentionLine(view)],
    ['Documents', view.documents.map((d) => d.name).join(', ')],
  ];
  const names = new Map(view.recipients.map((r) => [r.id, person(r.name, r.email)]));
  return [
    view.subject,
    ...summary.filter(([, value]) => value !== undefined).map(([label, value]) => `  ${label.padEnd(14)}${value}`),
    '',
    'Recipients (times in UTC)',
    renderTable(
      ['#', 'RECIPIENT', 'ROLE', 'STATUS', 'INVITED', 'VIEWED', 'ACTED', 'NEXT REMINDER', 'ID'],
      recipientRows(view),
    ),
    '',
    'Audit trail',
    ...view.audit.map((event) => auditLine(event, names)),
  ].join('\n');
}
