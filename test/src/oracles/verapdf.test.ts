// Proves the veraPDF oracle before it judges Signet's output: a ghostscript-made PDF/A-2b file is compliant against
// the flavour it declares, and files that break PDF/A (no metadata, unembedded fonts, DeviceRGB without an
// OutputIntent, an annotation without appearance) are reported non-compliant with the rules they break.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { validateWithVeraPdf } from '../support/oracles';
import { makePdfA, makePlainPdf } from '../support/pdf-a-fixture';

let dir: string;
const file = (name: string): string => path.join(dir, name);
const rulesOf = (result: { failedRules: Array<{ rule: string }> }): string[] => result.failedRules.map((r) => r.rule);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'signet-verapdf-'));
  await makePdfA(dir, file('pdfa-2b.pdf'), 2);
  await writeFile(file('plain.pdf'), await makePlainPdf(2));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('veraPDF oracle', () => {
  it('a ghostscript PDF/A-2b file is compliant with the flavour it declares', async () => {
    expect(await validateWithVeraPdf(file('pdfa-2b.pdf'))).toEqual({
      compliant: true,
      flavour: '2b',
      declared: '2b',
      failedRules: [],
    });
  });

  it('a plain pdf-lib file checked as 2b is non-compliant: no ID, no metadata, DeviceRGB, Helvetica not embedded', async () => {
    const result = await validateWithVeraPdf(file('plain.pdf'), '2b');
    expect(result).toMatchObject({ compliant: false, flavour: '2b', declared: null });
    expect(rulesOf(result).sort()).toEqual(['6.1.3-1', '6.2.11.4.1-1', '6.2.4.3-2', '6.6.2.1-1']);
    expect(result.failedRules.find((r) => r.rule === '6.2.11.4.1-1')?.context).toContain('Helvetica');
  });

  it('a declared PDF/A-2b file broken after the fact is non-compliant (annotation without appearance)', async () => {
    const doc = await PDFDocument.load(await readFile(file('pdfa-2b.pdf')), { updateMetadata: false });
    const note = doc.context.obj({ Type: 'Annot', Subtype: 'Text', Rect: [50, 50, 70, 70], F: 4 });
    doc.getPage(0).node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(note)]));
    await writeFile(file('broken.pdf'), await doc.save({ useObjectStreams: false }));
    const result = await validateWithVeraPdf(file('broken.pdf'));
    expect(result).toMatchObject({ compliant: false, flavour: '2b', declared: '2b' });
    expect(rulesOf(result)).toContain('6.3.3-1');
  });

  it('a file that declares no flavour and is given none is an error, not a verdict', async () => {
    await expect(validateWithVeraPdf(file('plain.pdf'))).rejects.toThrow(/declares no PDF\/A flavour/);
  });
});
