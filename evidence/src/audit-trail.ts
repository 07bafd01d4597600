import type { TAuditEvent } from '@signet/shared';
import type { PDFDocument } from 'pdf-lib';
import { formatDateTime } from './format-date-time';
import type { AuditTrailOptions } from './evidence-content';
import type { EvidenceFonts } from './fonts';
import { createPageLayout } from './page-layout';

const INDENT = 14;

/** "RECIPIENT Bob Signer <bob@example.com>" */
export function describeActor(actor: TAuditEvent['actor']): string {
  const parts: string[] = [actor.kind];
  if (actor.name) parts.push(actor.name);
  if (actor.email) parts.push(`<${actor.email}>`);
  return parts.join(' ');
}

/** "ip: 192.0.2.1; reason: …", keys sorted so the page reads the same whatever order they were recorded in. */
export function describeDetails(details: TAuditEvent['details']): string {
  return Object.keys(details ?? {})
    .sort()
    .map((key) => `${key}: ${String(details?.[key])}`)
    .join('; ');
}

/** Appends the audit trail page(s) to `doc`; returns how many pages were added. */
export function addAuditTrailPages(
  doc: PDFDocument,
  fonts: EvidenceFonts,
  events: TAuditEvent[],
  options: AuditTrailOptions = {},
): number {
  const layout = createPageLayout(doc, fonts);
  layout.text('Audit trail', { size: 18, bold: true });
  layout.gap(6);
  if (options.subject) layout.text(`Subject: ${options.subject}`, { size: 11 });
  if (options.envelopeId) layout.text(`Envelope: ${options.envelopeId}`);
  if (options.originalSha256) layout.text(`SHA-256 of the original: ${options.originalSha256}`, { size: 9 });
  layout.text(`${events.length} event${events.length === 1 ? '' : 's'}; times in UTC and the sender's time zone.`, {
    grey: true,
    size: 9,
  });
  layout.gap(10);
  events.forEach((event, index) => {
    layout.keepTogether(48);
    layout.text(`${index + 1}. ${event.type}    ${formatDateTime(event.at, options.senderTimeZone)}`, { bold: true });
    layout.text(`Actor: ${describeActor(event.actor)}    Authentication: ${event.authMethod}`, { indent: INDENT });
    const details = describeDetails(event.details);
    if (details) layout.text(`Details: ${details}`, { indent: INDENT, size: 9 });
    layout.gap(6);
  });
  layout.finish(`Signet envelope ${options.envelopeId ?? ''} · audit trail`.replace('  ', ' '));
  return layout.pages.length;
}
