import { verifyPdf } from '@signet/shared/node';
import { PDFDocument } from 'pdf-lib';
import { makeSignatures } from '../testing/fixtures';
import { appendPagesIncrementally } from './append-pages';
import type { EvidencePagesInput } from '@signet/evidence';
import { buildEvidencePages, declaredPdfaPart, evidenceJson } from '@signet/evidence';

const input = (overrides: Partial<EvidencePagesInput> = {}): EvidencePagesInput => ({
  envelopeId: 'env-json-1',
  subject: 'Lease',
  documentName: 'lease.pdf',
  completedAt: '2026-03-14T10:05:00.000Z',
  originalSha256: 'ab'.repeat(32),
  signatures: makeSignatures(),
  audit: [
    {
      at: '2026-03-14T10:00:00.000Z',
      type: 'SENT',
      actor: { kind: 'SENDER', email: 'alice@example.com' },
      authMethod: 'SYSTEM',
    },
  ],
  ...overrides,
});

async function original(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([300, 400]);
  return doc.save();
}

describe('the evidence JSON inside the sealed document', () => {
  it('travels with the signature page, and verifyPdf reports its recipients', async () => {
    const pages = await buildEvidencePages(input());
    const combined = await appendPagesIncrementally(await original(), pages.bytes);
    const report = await verifyPdf(combined);
    expect(report.recipients).toEqual(
      makeSignatures().map((line) => ({ name: line.name, email: line.email, role: line.role, status: line.action })),
    );
  });

  it('is left out when asked (PDF/A-1/2 originals)', async () => {
    const pages = await buildEvidencePages(input({ attachJson: false }));
    const combined = await appendPagesIncrementally(await original(), pages.bytes);
    expect((await verifyPdf(combined)).recipients).toBeUndefined();
  });

  it('holds the recipients and every audit event', () => {
    const json = JSON.parse(evidenceJson(input())) as { recipients: unknown[]; events: unknown[]; format: string };
    expect(json.format).toBe('signet-evidence');
    expect(json.recipients).toHaveLength(makeSignatures().length);
    expect(json.events).toEqual([expect.objectContaining({ type: 'SENT', at: '2026-03-14T10:00:00.000Z' })]);
  });
});

describe('declaredPdfaPart', () => {
  it.each([
    ['<pdfaid:part>2</pdfaid:part>', 2],
    ['pdfaid:part="1" pdfaid:conformance="B"', 1],
    ["pdfaid:part = '3'", 3],
    ['no metadata at all', undefined],
    ['<pdfaid:partner>2<', undefined],
  ])('%s → %s', (text, part) => {
    expect(declaredPdfaPart(Buffer.from(`%PDF-1.7\n${text}\n%%EOF`))).toBe(part);
  });
});
