import { auditEventJson } from '@signet/shared/audit-trail';
import type { EvidencePagesInput } from './evidence-content';

/** File name of the machine-readable evidence inside the sealed PDF (and of its download). */
export const EVIDENCE_JSON_NAME = 'signet-evidence.json';

/**
 * The envelope's evidence as JSON: who acted, how and when (`recipients`, what `signet verify` reports), and
 * every audit event as the workflow recorded it. Stable key order, so the same input gives the same bytes.
 */
export function evidenceJson(input: EvidencePagesInput): string {
  const evidence = {
    format: 'signet-evidence',
    version: 1,
    envelopeId: input.envelopeId,
    subject: input.subject,
    documentName: input.documentName,
    originalSha256: input.originalSha256,
    completedAt: input.completedAt,
    recipients: input.signatures.map((line) => ({
      name: line.name,
      email: line.email,
      role: line.role,
      status: line.action,
      at: line.at,
      authMethod: line.authMethod,
      onBehalfOf: line.onBehalfOf,
    })),
    events: input.audit.map(auditEventJson),
  };
  return `${JSON.stringify(evidence, null, 2)}\n`;
}
