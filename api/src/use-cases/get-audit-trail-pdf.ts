import { buildAuditTrailPdf } from '@signet/evidence';
import type { ApiContext } from '../context';
import { getEnvelope } from './get-envelope';

/**
 * The envelope's whole audit trail as a PDF (the same pages the sealed copy carries, rendered now, so it also
 * covers what came after sealing: delivery, retention, deletion), times in UTC and the sender's zone.
 */
export async function getAuditTrailPdf(ctx: ApiContext, envelopeId: string): Promise<Uint8Array> {
  const view = await getEnvelope(ctx, envelopeId);
  return buildAuditTrailPdf(view.audit, {
    envelopeId: view.envelopeId,
    subject: view.subject,
    ...(view.sender.timeZone ? { senderTimeZone: view.sender.timeZone } : {}),
  });
}
