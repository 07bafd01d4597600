import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import type { TAuditEvent } from '@signet/shared';
import { AppErrorCode } from '@signet/shared';
import { PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { loadPemSigner, sealPdf } from '../seal';
import type { ThrowawayPki } from '../seal/testing/throwaway-pki';
import { createThrowawayPki } from '../seal/testing/throwaway-pki';
import type { EvidencePagesInput, EvidenceSignature } from './index';
import { appendPagesIncrementally, auditTrailJson, buildAuditTrailPdf, buildEvidencePages } from './index';

const NAMES = ['Aino Ääkkönen', 'Øyvind Ødegård', 'Łukasz Żółć', 'Ђорђе Јовановић', '王小明'];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'signet-evidence-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeTemp(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** poppler's text extraction: proves the glyphs map back to the right characters. */
function pdftotext(bytes: Uint8Array, pages?: { first: number; last: number }): string {
  const file = writeTemp(`text-${Math.random().toString(36).slice(2)}.pdf`, bytes);
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  return execFileSync('pdftotext', [...range, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

function qpdfCheck(bytes: Uint8Array): number | null {
  return spawnSync('qpdf', ['--check', writeTemp('check.pdf', bytes)]).status;
}

async function pageCount(bytes: Uint8Array): Promise<number> {
  return (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
}

async function makeOriginal(pages: number, useObjectStreams: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i += 1) doc.addPage([300, 400]).drawText(`original page ${i + 1}`, { x: 20, y: 360 });
  return doc.save({ useObjectStreams });
}

/** The kind of each cross-reference section, oldest first. */
function xrefKinds(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes).toString('latin1');
  return [...text.matchAll(/startxref\s+(\d+)/g)].map((m) =>
    text.slice(Number(m[1]), Number(m[1]) + 4) === 'xref' ? 'table' : 'stream',
  );
}

function isPrefix(prefix: Uint8Array, of: Uint8Array): boolean {
  return Buffer.from(of.subarray(0, prefix.byteLength)).equals(Buffer.from(prefix));
}

/** A valid RGBA PNG of `width`×`height` (a diagonal stroke), made without an image library. */
function makePng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.byteLength + 8);
    out.writeUInt32BE(data.byteLength, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.byteLength + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const x = Math.floor((y / height) * width);
    rows.set([0, 0, 128, 255], y * (width * 4 + 1) + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('tEXt', Buffer.from('Comment\0private metadata', 'latin1')),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function makeSignatures(): EvidenceSignature[] {
  return NAMES.map((name, i) => ({
    recipientId: `r${i}`,
    name,
    email: `r${i}@example.com`,
    role: i % 2 ? 'APPROVER' : 'SIGNER',
    action: i % 2 ? 'APPROVED' : 'SIGNED',
    at: `2025-03-14T09:3${i}:00.000Z`,
    authMethod: 'LINK',
    ...(i === 1 ? { onBehalfOf: 'Contoso Oy' } : {}),
    ...(i === 0 ? { signatureText: 'A. Ääkkönen', drawnSignaturePng: makePng(300, 100) } : {}),
  }));
}

function makeAudit(count: number): TAuditEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    at: new Date(Date.UTC(2025, 2, 14, 9, 0, i)).toISOString(),
    type: i === 0 ? 'SENT' : 'VIEWED',
    actor: { kind: 'RECIPIENT', name: NAMES[i % NAMES.length] ?? '', email: `r${i % NAMES.length}@example.com` },
    authMethod: 'LINK',
    details: { ip: '192.0.2.1', userAgent: `Mozilla/5.0 (X11; Linux x86_64) event-${i} `.repeat(4).trim() },
  }));
}

function makeInput(overrides: Partial<EvidencePagesInput> = {}): EvidencePagesInput {
  return {
    envelopeId: 'env-0001',
    subject: 'Supply agreement 2025',
    documentName: 'nda.pdf',
    completedAt: '2025-03-14T10:05:00.000Z',
    senderTimeZone: 'Europe/Helsinki',
    originalSha256: 'ab'.repeat(32),
    signatures: makeSignatures(),
    audit: makeAudit(6),
    ...overrides,
  };
}

describe('buildEvidencePages', () => {
  it('draws every recipient with the names in exact Unicode (Latin, Cyrillic, CJK), times in UTC and the zone', async () => {
    const evidence = await buildEvidencePages(makeInput());
    expect(evidence.signaturePageCount).toBe(1);
    expect(evidence.pageCount).toBe(await pageCount(evidence.bytes));
    const text = pdftotext(evidence.bytes, { first: 1, last: 1 });
    for (const name of NAMES) expect(text).toContain(name);
    expect(text).toContain('Envelope: env-0001');
    expect(text).toContain('On behalf of: Contoso Oy');
    expect(text).toContain('Time: 2025-03-14 09:30:00 UTC (2025-03-14 11:30 Europe/Helsinki)');
    expect(text).toContain('Typed signature: A. Ääkkönen');
    expect(text).toContain('Authentication: personal e-mail link');
    expect(text).toContain('ab'.repeat(32));
    expect(text).not.toContain('?');
    // Subsets, not whole fonts: DejaVu Sans alone is ~700 KB, Droid Sans Fallback 3.4 MB.
    expect(evidence.bytes.byteLength).toBeLessThan(200_000);
    // The drawn PNG is re-encoded: its text chunk does not reach the PDF.
    expect(Buffer.from(evidence.bytes).includes('private metadata')).toBe(false);
  });

  it('lists every audit event, paginating and wrapping long details', async () => {
    const audit = makeAudit(80);
    const evidence = await buildEvidencePages(makeInput({ audit }));
    expect(evidence.auditPageCount).toBeGreaterThan(2);
    const text = pdftotext(evidence.bytes).replace(/\s+/g, ' ');
    for (let i = 0; i < audit.length; i += 1) expect(text).toContain(`event-${i} Mozilla`);
    expect(text).toContain(`page ${evidence.auditPageCount} of ${evidence.auditPageCount}`);
  });

  it("gives each font subset a /CIDSet (PDF/A-1; exactness is veraPDF's check in test/src/pdf)", async () => {
    const text = Buffer.from((await buildEvidencePages(makeInput())).bytes).toString('latin1');
    const descriptors = text.match(/\/Type \/FontDescriptor[^>]*?\/CIDSet \d+ 0 R/g) ?? [];
    expect(descriptors).toHaveLength(3);
  });

  it('embeds the CJK fallback font only when some text needs it', async () => {
    const latinOnly = makeSignatures().filter((line) => !/[\u4e00-\u9fff]/.test(line.name + (line.onBehalfOf ?? '')));
    const audit = makeAudit(6).map((event) => ({ ...event, actor: { ...event.actor, name: 'Aino Ääkkönen' } }));
    const without = Buffer.from((await buildEvidencePages(makeInput({ signatures: latinOnly, audit }))).bytes);
    expect(without.includes('DroidSansFallback')).toBe(false);
    expect(pdftotext(without)).not.toContain('?');
    const withCjk = Buffer.from((await buildEvidencePages(makeInput())).bytes);
    expect(withCjk.includes('SIGNEC+DroidSansFallback')).toBe(true);
  });

  it('is deterministic, so a retried activity stages identical bytes', async () => {
    const first = await buildEvidencePages(makeInput());
    const second = await buildEvidencePages(makeInput());
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
  });

  it.each([
    ['not a PNG', Buffer.from('GIF89a not a png at all, really not'), AppErrorCode.VALIDATION_FAILED],
    ['too many pixels', makePng(5000, 10), AppErrorCode.PAYLOAD_TOO_LARGE],
    ['too many bytes', Buffer.concat([makePng(10, 10), Buffer.alloc(600_000)]), AppErrorCode.PAYLOAD_TOO_LARGE],
  ])('refuses a drawn signature that is %s', async (_label, png, code) => {
    const signatures = makeSignatures().map((s, i) => (i === 0 ? { ...s, drawnSignaturePng: png } : s));
    await expect(buildEvidencePages(makeInput({ signatures }))).rejects.toMatchObject({ code });
  });
});

describe('appendPagesIncrementally', () => {
  let pki: ThrowawayPki;
  beforeAll(() => {
    pki = createThrowawayPki();
  });
  afterAll(() => pki.dispose());

  it.each([
    ['xref table', false, 'table'],
    ['xref stream', true, 'stream'],
  ])('appends the evidence as one update of the same kind (%s)', async (_label, objectStreams, kind) => {
    const original = await makeOriginal(3, objectStreams);
    const evidence = await buildEvidencePages(makeInput({ audit: makeAudit(60) }));
    const result = await appendPagesIncrementally(original, evidence.bytes);

    expect(isPrefix(original, result)).toBe(true);
    expect(xrefKinds(result)).toEqual([...xrefKinds(original), kind]);
    expect(await pageCount(result)).toBe(3 + evidence.pageCount);
    expect(qpdfCheck(result)).toBe(0);
    const text = pdftotext(result);
    expect(text).toContain('original page 3');
    for (const name of NAMES) expect(text).toContain(name);
    // The signature page comes straight after the original's last page.
    expect(pdftotext(result, { first: 4, last: 4 })).toContain('Signature page');
  });

  it('keeps an existing signature intact and valid', async () => {
    const signer = loadPemSigner({
      keyPem: pki.pem('seal.key'),
      certificatesPem: pki.pem('seal.crt') + pki.pem('root.crt'),
    });
    const signed = await sealPdf(await makeOriginal(2, false), {
      signer,
      level: 'B-B',
      signingTime: new Date('2025-03-14T10:05:00Z'),
    });
    const evidence = await buildEvidencePages(makeInput());
    const result = await appendPagesIncrementally(signed, evidence.bytes);

    expect(isPrefix(signed, result)).toBe(true);
    expect(await pageCount(result)).toBe(2 + evidence.pageCount);
    expect(qpdfCheck(result)).toBe(0);
    // pdfsig exits 0 even for broken signatures: read its verdict (trust is not the point here).
    const report = execFileSync('pdfsig', [writeTemp('signed-plus-evidence.pdf', result)], { encoding: 'utf8' });
    expect(report).toContain('Signature Validation: Signature is Valid.');
  });

  it('pins rotation and crop box so the evidence pages do not inherit the original tree', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([300, 400]);
    doc.catalog.Pages().set(PDFName.of('Rotate'), PDFNumber.of(90));
    const original = await doc.save({ useObjectStreams: false });
    const result = await appendPagesIncrementally(original, (await buildEvidencePages(makeInput())).bytes);
    const loaded = await PDFDocument.load(result);
    expect(loaded.getPage(0).getRotation().angle).toBe(90);
    expect(loaded.getPage(1).getRotation().angle).toBe(0);
  });

  it.each([
    ['garbage', () => Promise.resolve(Buffer.from('this is not a pdf at all'))],
    ['empty', () => Promise.resolve(Buffer.alloc(0))],
    [
      'encrypted',
      async () => {
        const doc = await PDFDocument.load(await makeOriginal(1, false));
        doc.context.trailerInfo.Encrypt = doc.context.obj({ Filter: 'Standard', V: 1, R: 2, P: -4 });
        return doc.save({ useObjectStreams: false });
      },
    ],
  ])('rejects %s input with INVALID_DOCUMENT', async (_label, make) => {
    const evidence = await buildEvidencePages(makeInput());
    await expect(appendPagesIncrementally(await make(), evidence.bytes)).rejects.toMatchObject({
      name: 'AppError',
      code: AppErrorCode.INVALID_DOCUMENT,
    });
  });
});

describe('audit trail downloads', () => {
  it('buildAuditTrailPdf renders every event of a long trail on several pages', async () => {
    const audit = makeAudit(70);
    const bytes = await buildAuditTrailPdf(audit, { envelopeId: 'env-0001', senderTimeZone: 'Europe/Helsinki' });
    expect(await pageCount(bytes)).toBeGreaterThan(2);
    expect(qpdfCheck(bytes)).toBe(0);
    const text = pdftotext(bytes);
    expect(text).toContain('Audit trail');
    expect(text).toContain('1. SENT 2025-03-14 09:00:00 UTC (2025-03-14 11:00 Europe/Helsinki)');
    expect(text).toContain('Actor: RECIPIENT 王小明 <r4@example.com>');
    expect(text.replace(/\s+/g, ' ')).toContain('event-69 Mozilla');
  });

  it('auditTrailJson keeps every event exactly, names included', () => {
    const audit = makeAudit(5);
    const parsed = JSON.parse(auditTrailJson(audit, { envelopeId: 'env-0001' })) as {
      envelopeId: string;
      events: TAuditEvent[];
    };
    expect(parsed.envelopeId).toBe('env-0001');
    expect(parsed.events).toEqual(audit);
  });
});
