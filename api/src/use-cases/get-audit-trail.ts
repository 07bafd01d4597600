import { auditTrailJson } from '@signet/shared';
import type { ApiContext } from '../context';
import { getEnvelope } from './get-envelope';

/**
 * The envelope's whole audit trail as the `signet-audit-trail` JSON download: every event its workflow recorded,
 * then the retention workflow's (deletion warnings, legal hold, deletion). Works for open and ended envelopes;
 * the sealed PDF carries the trail as it stood at sealing.
 */
export async function getAuditTrail(ctx: ApiContext, envelopeId: string): Promise<string> {
  const view = await getEnvelope(ctx, envelopeId);
  return auditTrailJson(view.audit, { envelopeId: view.envelopeId, subject: view.subject });
}
