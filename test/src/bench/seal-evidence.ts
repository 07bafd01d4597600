import type { TAuditEvent } from '@signet/shared';
import type { EvidencePagesInput } from '@signet/worker/seal';

const SIGNERS = ['Aino Ääkkönen', 'Øyvind Ødegård', 'Łukasz Żółć'];
export const AUDIT_EVENTS = 20;

/** A completed envelope's evidence: three signers and a 20-event audit trail. */
export function benchEvidenceInput(originalSha256: string, pages: number): EvidencePagesInput {
  const at = (second: number) => new Date(Date.UTC(2025, 2, 14, 9, 0, second)).toISOString();
  return {
    envelopeId: `bench-seal-${pages}`,
    subject: `Benchmark agreement (${pages} pages)`,
    documentName: `agreement-${pages}.pdf`,
    completedAt: at(AUDIT_EVENTS),
    senderTimeZone: 'Europe/Helsinki',
    originalSha256,
    signatures: SIGNERS.map((name, i) => ({
      recipientId: `r${i}`,
      name,
      email: `r${i}@example.com`,
      role: 'SIGNER',
      action: 'SIGNED',
      at: at(AUDIT_EVENTS - 3 + i),
      authMethod: 'LINK',
      signatureText: name,
    })),
    audit: Array.from({ length: AUDIT_EVENTS }, (_, i): TAuditEvent => ({
      at: at(i),
      type: i === 0 ? 'SENT' : i % 3 === 0 ? 'SIGNED' : 'VIEWED',
      actor: { kind: 'RECIPIENT', name: SIGNERS[i % SIGNERS.length]!, email: `r${i % SIGNERS.length}@example.com` },
      authMethod: 'LINK',
      details: { ip: '192.0.2.1', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0' },
    })),
  };
}
