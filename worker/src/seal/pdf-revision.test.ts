import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppErrorCode } from '@signet/shared';
import { PDFDocument } from 'pdf-lib';
import { loadPemSigner } from './key-signer';
import { readRevision } from './pdf-revision';
import { sealPdf } from './seal-pdf';
import type { ThrowawayPki } from './testing/throwaway-pki';
import { createThrowawayPki } from './testing/throwaway-pki';

let dir: string;
let pki: ThrowawayPki;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'signet-revision-'));
  pki = createThrowawayPki();
});
afterAll(() => {
  pki.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function makePdf(pages: number, useObjectStreams: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i += 1) doc.addPage([300, 400]).drawText(`page ${i + 1}`);
  return doc.save({ useObjectStreams });
}

/** qpdf writes object streams and a Flate xref stream with a PNG predictor (pdf-lib writes neither predictor). */
function qpdfObjectStreams(bytes: Uint8Array): Buffer {
  const input = path.join(dir, 'in.pdf');
  const output = path.join(dir, 'out.pdf');
  writeFileSync(input, bytes);
  execFileSync('qpdf', ['--object-streams=generate', input, output]);
  return readFileSync(output);
}

const entryKinds = (revision: Awaited<ReturnType<typeof readRevision>>): Set<string> =>
  new Set([...revision.objects.entries.values()].map((entry) => entry.kind));

async function sealAndCheck(input: Uint8Array): Promise<void> {
  const signer = loadPemSigner({ keyPem: pki.pem('seal.key'), certificatesPem: pki.pem('seal.crt') });
  const sealed = await sealPdf(input, { signer, level: 'B-B', signingTime: new Date('2025-03-14T10:05:00Z') });
  expect(Buffer.from(sealed.subarray(0, input.byteLength)).equals(Buffer.from(input))).toBe(true);
  expect(Buffer.from(sealed).toString('latin1')).toContain('/T (Signet seal)');
  expect((await PDFDocument.load(sealed)).getPageCount()).toBe((await PDFDocument.load(input)).getPageCount());
}

describe('readRevision', () => {
  it.each([
    ['an xref table', false],
    ['an xref stream with object streams', true],
  ])('reads pdf-lib output with %s through the xref alone', async (_label, objectStreams) => {
    const revision = await readRevision(await makePdf(3, objectStreams));
    expect(entryKinds(revision).has('parsed')).toBe(false);
    expect(revision.xrefKind).toBe(objectStreams ? 'stream' : 'table');
    expect(revision.catalog.toString()).toContain('/Pages');
  });

  it('decodes a predicted xref stream and object streams written by qpdf, and seals the file', async () => {
    const input = qpdfObjectStreams(await makePdf(5, false));
    expect(input.toString('latin1')).toMatch(/\/Predictor 12/);
    const revision = await readRevision(input);
    expect(entryKinds(revision)).toEqual(new Set(['free', 'offset', 'compressed']));
    await sealAndCheck(input);
  });

  it('falls back to a whole-file parse when the xref offsets are wrong, and still seals', async () => {
    const good = Buffer.from(await makePdf(2, false));
    // A comment inserted after the header shifts every object away from its xref offset.
    const shifted = Buffer.concat([good.subarray(0, 9), Buffer.from('% shifted\n'), good.subarray(9)]);
    const revision = await readRevision(shifted);
    expect(entryKinds(revision).has('parsed')).toBe(true);
    await sealAndCheck(shifted);
  });

  it('rejects encrypted files with the caller’s error code', async () => {
    const doc = await PDFDocument.load(await makePdf(1, false));
    doc.context.trailerInfo.Encrypt = doc.context.obj({ Filter: 'Standard', V: 1, R: 2, P: -4 });
    const encrypted = await doc.save({ useObjectStreams: false });
    await expect(readRevision(encrypted, AppErrorCode.INVALID_DOCUMENT)).rejects.toMatchObject({
      code: AppErrorCode.INVALID_DOCUMENT,
    });
  });
});
