import path from 'node:path';
import type { TAuditEvent } from '@signet/shared';

// The evidence module (worker/src/evidence) is not exported from @signet/worker yet, and the package's `exports`
// map only opens ".". The benchmark loads it from the worker's compiled output next to the package entry point;
// the types below are the part of its API the benchmark uses.

type EvidenceSignatureLine = {
  recipientId: string;
  name: string;
  email: string;
  role: 'SIGNER' | 'APPROVER';
  action: 'SIGNED' | 'APPROVED';
  at: string;
  authMethod: 'LINK';
  signatureText?: string;
};

export type EvidenceInput = {
  envelopeId: string;
  subject: string;
  documentName?: string;
  completedAt: string;
  senderTimeZone?: string;
  originalSha256: string;
  signatures: EvidenceSignatureLine[];
  audit: TAuditEvent[];
};

type EvidenceModule = {
  buildEvidencePages(input: EvidenceInput): Promise<{ bytes: Uint8Array; pageCount: number }>;
  appendPagesIncrementally(original: Uint8Array, evidence: Uint8Array): Promise<Uint8Array>;
};

export function loadEvidenceModule(): EvidenceModule {
  const workerEntry = require.resolve('@signet/worker');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(path.dirname(workerEntry), 'evidence', 'index.js')) as EvidenceModule;
}

const SIGNERS = ['Aino Ääkkönen', 'Øyvind Ødegård', 'Łukasz Żółć'];
export const AUDIT_EVENTS = 20;

/** A completed envelope's evidence: three signers and a 20-event audit trail. */
export function benchEvidenceInput(originalSha256: string, pages: number): EvidenceInput {
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
    audit: Array.from({ length: AUDIT_EVENTS }, (_, i) => ({
      at: at(i),
      type: i === 0 ? 'SENT' : i % 3 === 0 ? 'SIGNED' : 'VIEWED',
      actor: { kind: 'RECIPIENT', name: SIGNERS[i % SIGNERS.length]!, email: `r${i % SIGNERS.length}@example.com` },
      authMethod: 'LINK',
      details: { ip: '192.0.2.1', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0' },
    })),
  };
}
