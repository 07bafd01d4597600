import { inflateSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { AppErrorCode } from '@signet/shared';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, StandardFonts } from 'pdf-lib';
import { makePdf, makeSignatures } from '../testing/fixtures';
import { sealPdf } from './seal-pdf';
import { createTextSanitiser } from './win-ansi';

const content = {
  envelopeId: 'env-0001',
  subject: 'Supply agreement 2025',
  documentName: 'nda.pdf',
  completedAt: '2025-03-14T10:05:00.000Z',
  senderTimeZone: 'Europe/Helsinki',
  signatures: makeSignatures(),
};

/** The text drawn on `pageIndex` (standard fonts draw hex strings of WinAnsi bytes). */
async function pageText(bytes: Uint8Array, pageIndex: number): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  const contents = doc.getPage(pageIndex).node.Contents();
  const refs = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  const streams = refs
    .map((ref) => doc.context.lookup(ref))
    .filter((s): s is PDFRawStream => s instanceof PDFRawStream);
  return streams
    .map((stream) => {
      const raw = Buffer.from(stream.getContents());
      const decoded = stream.dict.get(PDFName.of('Filter')) ? inflateSync(raw) : raw;
      return [...decoded.toString('latin1').matchAll(/<([0-9A-Fa-f]*)> Tj/g)]
        .map((m) => Buffer.from(m[1] ?? '', 'hex').toString('latin1'))
        .join('\n');
    })
    .join('\n');
}

describe('sealPdf', () => {
  it('appends one signature page and reports correct hashes, leaving the input untouched', async () => {
    const original = await makePdf(2);
    const before = Buffer.from(original);
    const sealed = await sealPdf({ original, ...content });

    expect(sealed.originalSha256).toBe(createHash('sha256').update(before).digest('hex'));
    expect(sealed.sealedSha256).toBe(createHash('sha256').update(sealed.bytes).digest('hex'));
    expect(sealed.sealedSha256).not.toBe(sealed.originalSha256);
    expect(original.equals(before)).toBe(true);
    expect((await PDFDocument.load(sealed.bytes)).getPageCount()).toBe(3);
    expect(sealed.pagesAdded).toBe(1);
  });

  it('records envelope, signers and the original hash on the signature page', async () => {
    const sealed = await sealPdf({ original: await makePdf(1), ...content });
    const text = await pageText(sealed.bytes, 1);
    expect(text).toContain('Signature page');
    expect(text).toContain('Envelope: env-0001');
    expect(text).toContain('Subject: Supply agreement 2025');
    expect(text).toContain('1. Bob Signer <bob@example.com>');
    expect(text).toContain('Role: SIGNER    Action: Signed');
    expect(text).toContain('Time: 2025-03-14 09:30:00 UTC (2025-03-14 11:30 Europe/Helsinki)');
    expect(text).toContain('Authentication: LINK');
    expect(text).toContain('Typed signature: Bob S.');
    expect(text).toContain('2. ?ukasz Zoë ?? <lz@example.com>');
    expect(text).toContain('On behalf of: Contoso Oy');
    expect(text).toContain(sealed.originalSha256);
  });

  it('is deterministic, so a retried seal stages identical bytes', async () => {
    const original = await makePdf(1);
    const first = await sealPdf({ original, ...content });
    const second = await sealPdf({ original, ...content });
    expect(second.sealedSha256).toBe(first.sealedSha256);
  });

  it('continues on further pages when the signatures do not fit on one', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      ...makeSignatures()[0]!,
      recipientId: `r${i}`,
      name: `Signer ${i}`,
    }));
    const sealed = await sealPdf({ original: await makePdf(1), ...content, signatures: many });
    expect(sealed.pagesAdded).toBeGreaterThan(1);
    expect((await PDFDocument.load(sealed.bytes)).getPageCount()).toBe(1 + sealed.pagesAdded);
  });

  it.each([
    ['garbage', Buffer.from('this is not a pdf at all')],
    ['empty', Buffer.alloc(0)],
  ])('rejects %s input with INVALID_DOCUMENT', async (_label, original) => {
    await expect(sealPdf({ original, ...content })).rejects.toMatchObject({ code: AppErrorCode.INVALID_DOCUMENT });
  });

  it('rejects an encrypted PDF with INVALID_DOCUMENT', async () => {
    const doc = await PDFDocument.load(await makePdf(1));
    // A Standard security handler entry in the trailer is what marks a PDF as encrypted.
    doc.context.trailerInfo.Encrypt = doc.context.obj({ Filter: 'Standard', V: 1, R: 2, P: -4 });
    const encrypted = Buffer.from(await doc.save());
    await expect(sealPdf({ original: encrypted, ...content })).rejects.toMatchObject({
      code: AppErrorCode.INVALID_DOCUMENT,
      message: expect.stringContaining('encrypted'),
    });
  });
});

describe('createTextSanitiser', () => {
  it('keeps WinAnsi characters and replaces the rest with ?', async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    const sanitise = createTextSanitiser(font);
    expect(sanitise('Zoë Šimek – €5')).toBe('Zoë Šimek – €5');
    expect(sanitise('Łukasz 张伟 🙂')).toBe('?ukasz ?? ?');
    expect(sanitise('line\nbreak\ttab')).toBe('line break tab');
  });
});
