// The full Signet pipeline on real files, judged by tools nobody on this project wrote: buildEvidencePages (signers
// in Finnish, Norwegian, Polish, Serbian Cyrillic and Chinese) → the PdfSealer (pages + footer appended, then B-LT) with
// the loopback test PKI. The services are stopped before validating, so LTV must come from the file alone; pyHanko
// validates at "just after sealing" (docs/validators.md). Inputs: a plain pdf-lib file and a PDF/A-2b file made by
// ghostscript, whose PDF/A conformance veraPDF checks before and after Signet touches it. One file over the usual
// size on purpose: the evidence input, the pipeline and the poppler readers are only meaningful together.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { deflateSync, crc32 } from 'node:zlib';
import type { TAuditEvent } from '@signet/shared';
import type { EvidencePagesInput, EvidenceSignature } from '@signet/worker';
import {
  buildEvidencePages,
  buildFooterPdf,
  createHttpRevocationSource,
  createHttpTimestampAuthority,
  createPadesSealer,
  footerText,
  loadPemSigner,
} from '@signet/worker';
import { expectLongTermValid } from '../support/expect-long-term-valid';
import { validateWithVeraPdf } from '../support/oracles';
import { makePdfA, makePlainPdf } from '../support/pdf-a-fixture';
import { freePorts } from '../support/ports';
import { createTestPki, startPkiServices, type PkiServices, type TestPki } from '../support/test-pki';

const run = promisify(execFile);
const ORIGINAL_PAGES = 2;
/** Name and on-behalf-of organisation; Ääkkönen and Żółć are given decomposed (NFD) and must come out composed. */
const SIGNERS: Array<[string, string]> = [
  ['Aino Ääkkönen', 'Ääkkönen & Söderström Oy'],
  ['Øyvind Ødegård', 'Ødegård Bygg AS'],
  ['Łukasz Żółć', 'Spółka Żółć sp. z o.o.'],
  ['Ђорђе Петровић', 'Петровић д.о.о.'],
  ['王小明', '小明贸易有限公司'],
];

let dir: string;
let pki: TestPki;
let services: PkiServices | undefined;
const file = (name: string): string => path.join(dir, name);

type Sealed = { path: string; original: Buffer; bytes: Buffer; evidencePages: number; validationTime: Date };
const sealed = new Map<string, Sealed>();
const get = (name: string): Sealed => {
  const entry = sealed.get(name);
  if (!entry) throw new Error(`${name} was not sealed`);
  return entry;
};

/** A small RGBA PNG (a blue diagonal stroke on transparency): the drawn signature, with an /SMask once embedded. */
function makeSignaturePng(width = 240, height = 80): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
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
  for (let y = 0; y < height; y += 1)
    rows.set([0, 0, 160, 255], y * (width * 4 + 1) + 1 + Math.floor((y * width) / height) * 4);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function makeEvidenceInput(original: Buffer, attachJson: boolean): EvidencePagesInput {
  const signatures = SIGNERS.map(([name, organisation], i): EvidenceSignature => ({
    recipientId: `r${i}`,
    name: i === 0 || i === 2 ? name.normalize('NFD') : name,
    email: `signer${i}@example.com`,
    role: i === 3 ? 'APPROVER' : 'SIGNER',
    action: i === 3 ? 'APPROVED' : 'SIGNED',
    at: new Date(Date.UTC(2025, 2, 14, 9, 30 + i)).toISOString(),
    authMethod: 'LINK',
    onBehalfOf: organisation,
    ...(i === 0 ? { signatureText: 'Aino Ääkkönen', drawnSignaturePng: makeSignaturePng() } : {}),
  }));
  const audit = Array.from({ length: 10 }, (_, i): TAuditEvent => {
    const [name] = SIGNERS[i % SIGNERS.length]!;
    return {
      at: new Date(Date.UTC(2025, 2, 14, 9, i)).toISOString(),
      type: i === 0 ? 'SENT' : i < 6 ? 'VIEWED' : 'SIGNED',
      actor: { kind: 'RECIPIENT', name, email: `signer${i % SIGNERS.length}@example.com` },
      authMethod: 'LINK',
      details: { ip: '192.0.2.7', userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)' },
    };
  });
  return {
    envelopeId: 'env-unicode-0001',
    subject: 'Toimitussopimus – Ääkkönen / Ødegård / Żółć / Петровић / 王小明',
    documentName: 'sopimus.pdf',
    completedAt: '2025-03-14T10:05:00.000Z',
    senderTimeZone: 'Europe/Helsinki',
    originalSha256: 'cd'.repeat(32),
    signatures,
    audit,
    attachJson,
  };
}

/** The sealDocument activity's pipeline: evidence pages and the footer in one incremental update, then B-LT. */
async function sealWithEvidence(name: string, original: Buffer, attachJson: boolean): Promise<void> {
  const evidence = await buildEvidencePages(makeEvidenceInput(original, attachJson));
  const footerPdf = await buildFooterPdf(footerText('env-unicode-0001'));
  const signer = loadPemSigner({
    keyPem: await readFile(pki.seal.key, 'utf8'),
    certificatesPem: (await readFile(pki.seal.cert, 'utf8')) + (await readFile(pki.chain, 'utf8')),
  });
  const sealer = createPadesSealer({
    signer,
    level: 'B-LT',
    tsa: createHttpTimestampAuthority({ url: `${pki.baseUrl}/tsa` }),
    revocation: createHttpRevocationSource(),
  });
  const bytes = Buffer.from(
    await sealer.seal(original, { signingTime: new Date(), evidencePdf: evidence.bytes, footerPdf }),
  );

  await writeFile(file(name), bytes);
  const validationTime = new Date(Date.now() + 1000);
  sealed.set(name, { path: file(name), original, bytes, evidencePages: evidence.pageCount, validationTime });
}

/** poppler's text of the evidence pages (after the original's pages), whitespace runs folded to one space. */
async function evidenceText({ path: pdf, evidencePages }: Sealed): Promise<string> {
  const range = ['-f', String(ORIGINAL_PAGES + 1), '-l', String(ORIGINAL_PAGES + evidencePages)];
  const { stdout } = await run('pdftotext', [...range, '-enc', 'UTF-8', pdf, '-']);
  return stdout.replace(/\s+/g, ' ');
}

/** `pdffonts` rows of the evidence pages: [name, type, embedded, subset, unicode]. */
async function evidenceFonts({ path: pdf, evidencePages }: Sealed): Promise<string[][]> {
  const range = ['-f', String(ORIGINAL_PAGES + 1), '-l', String(ORIGINAL_PAGES + evidencePages)];
  const { stdout } = await run('pdffonts', [...range, pdf]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => /^(\S+)\s+(.+?)\s+(Identity-H|WinAnsi|Custom|Builtin)\s+(yes|no)\s+(yes|no)\s+(yes|no)/.exec(line))
    .map((m) => (m ? [m[1]!, m[2]!, m[4]!, m[5]!, m[6]!] : ['unparsed']));
}

const isPrefix = (prefix: Buffer, of: Buffer): boolean => of.subarray(0, prefix.length).equals(prefix);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'signet-evidence-seal-'));
  const [port] = await freePorts(1);
  pki = await createTestPki(file('pki'), { port: port! });
  await makePdfA(dir, file('pdfa-input.pdf'), 2, ORIGINAL_PAGES);
  await makePdfA(dir, file('pdfa3-input.pdf'), 3, ORIGINAL_PAGES);
  await makePdfA(dir, file('pdfa1-input.pdf'), 1, ORIGINAL_PAGES);
  services = await startPkiServices(pki);
  await sealWithEvidence('plain-B-LT.pdf', await makePlainPdf(ORIGINAL_PAGES), true);
  // As the sealDocument activity decides: no JSON attachment on a PDF/A-1/2 original (PDF/A-2 6.8 forbids
  // non-PDF/A embedded files), the attachment on a PDF/A-3 one.
  await sealWithEvidence('pdfa-B-LT.pdf', await readFile(file('pdfa-input.pdf')), false);
  await sealWithEvidence('pdfa3-B-LT.pdf', await readFile(file('pdfa3-input.pdf')), true);
  await sealWithEvidence('pdfa1-B-LT.pdf', await readFile(file('pdfa1-input.pdf')), false);
  await services.stop();
  services = undefined;
}, 300_000);

afterAll(async () => {
  await services?.stop();
  if (dir && !process.env['SEAL_VALIDATORS_KEEP']) await rm(dir, { recursive: true, force: true });
});

describe('evidence pages + B-LT seal on a plain pdf-lib input', () => {
  it('is accepted by pyHanko (LTV), EU DSS (PAdES-BASELINE-LT), pdfsig and qpdf; the original is a byte prefix', async () => {
    const { path: pdf, validationTime, original, bytes } = get('plain-B-LT.pdf');
    expect(isPrefix(original, bytes)).toBe(true);
    await expectLongTermValid(pdf, pki.root.cert, validationTime, 'PAdES-BASELINE-LT');
  });

  it('pdftotext reads every name and organisation exactly, composed (NFC), with no replacement glyph', async () => {
    const text = await evidenceText(get('plain-B-LT.pdf'));
    for (const [name, organisation] of SIGNERS) {
      expect(text).toContain(`. ${name.normalize('NFC')} `);
      expect(text).toContain(`On behalf of: ${organisation}`);
      expect(text).toContain(`Actor: RECIPIENT ${name}`);
    }
    expect(text).toContain('Typed signature: Aino Ääkkönen');
    expect(text).toContain('Toimitussopimus – Ääkkönen / Ødegård / Żółć / Петровић / 王小明');
    expect(text).toContain('10. SIGNED');
    expect(text).not.toMatch(/[?\uFFFD]/);
    expect(text).toBe(text.normalize('NFC'));
  });

  it('pdffonts: every font of the evidence pages is an embedded subset with a ToUnicode map', async () => {
    const fonts = await evidenceFonts(get('plain-B-LT.pdf'));
    expect(fonts.map(([name]) => name).sort()).toEqual([
      'SIGNEA+DejaVuSans',
      'SIGNEB+DejaVuSans-Bold',
      'SIGNEC+DroidSansFallback',
    ]);
    for (const [name, type, embedded, subset, unicode] of fonts) {
      expect({ name, type, embedded, subset, unicode }).toEqual({
        name,
        type: 'CID TrueType',
        embedded: 'yes',
        subset: 'yes',
        unicode: 'yes',
      });
    }
  });
});

describe('evidence pages + B-LT seal on a PDF/A-2b input (ghostscript)', () => {
  it('the input is PDF/A-2b compliant for veraPDF before Signet touches it', async () => {
    expect(await validateWithVeraPdf(file('pdfa-input.pdf'))).toEqual({
      compliant: true,
      flavour: '2b',
      declared: '2b',
      failedRules: [],
    });
  });

  it('is accepted by every signature validator, and the original is a byte prefix', async () => {
    const { path: pdf, validationTime, original, bytes } = get('pdfa-B-LT.pdf');
    expect(isPrefix(original, bytes)).toBe(true);
    await expectLongTermValid(pdf, pki.root.cert, validationTime, 'PAdES-BASELINE-LT');
  });

  it('stays PDF/A-2b compliant for veraPDF: evidence pages, signature field, DSS and all', async () => {
    expect(await validateWithVeraPdf(get('pdfa-B-LT.pdf').path)).toEqual({
      compliant: true,
      flavour: '2b',
      declared: '2b',
      failedRules: [],
    });
  });

  it('renders every name on the evidence pages, fonts embedded, and poppler draws them without a complaint', async () => {
    const sealedPdfA = get('pdfa-B-LT.pdf');
    const text = await evidenceText(sealedPdfA);
    for (const [name] of SIGNERS) expect(text).toContain(`. ${name} `);
    for (const [, , embedded] of await evidenceFonts(sealedPdfA)) expect(embedded).toBe('yes');
    // pdftotext reads ToUnicode only; rasterising parses the embedded subsets (a corrupt one makes poppler complain).
    const range = ['-f', String(ORIGINAL_PAGES + 1), '-l', String(ORIGINAL_PAGES + sealedPdfA.evidencePages)];
    const { stderr } = await run('pdftoppm', [...range, '-r', '30', '-png', sealedPdfA.path, file('render')]);
    expect(stderr).toBe('');
  });
});

describe('evidence pages + B-LT seal on a PDF/A-3b input, with the JSON attachment', () => {
  it('signature validators accept it, and it stays PDF/A-3b compliant with signet-evidence.json attached', async () => {
    const { path: pdf, validationTime, original, bytes } = get('pdfa3-B-LT.pdf');
    expect(isPrefix(original, bytes)).toBe(true);
    expect(await validateWithVeraPdf(file('pdfa3-input.pdf'))).toMatchObject({ compliant: true, declared: '3b' });
    await expectLongTermValid(pdf, pki.root.cert, validationTime, 'PAdES-BASELINE-LT');
    // The attachment annotation draws its own appearance (6.3.3) and the page associates the file with /AF (6.8).
    const result = await validateWithVeraPdf(pdf);
    expect(result).toMatchObject({ compliant: true, flavour: '3b', declared: '3b', failedRules: [] });
    expect(bytes.includes('signet-evidence.json')).toBe(true);
  });
});

describe('evidence pages + B-LT seal on a PDF/A-1b input (current verdict)', () => {
  it('signature validators accept it; veraPDF rejects only the drawn signature /SMask', async () => {
    const { path: pdf, validationTime, original, bytes } = get('pdfa1-B-LT.pdf');
    expect(isPrefix(original, bytes)).toBe(true);
    expect(await validateWithVeraPdf(file('pdfa1-input.pdf'))).toMatchObject({ compliant: true, declared: '1b' });
    await expectLongTermValid(pdf, pki.root.cert, validationTime, 'PAdES-BASELINE-LT');
    // Fonts pass (CIDSet, fonts.ts) and the seal's zero-size widget has an empty appearance (6.9-2, worker/src/seal).
    // PDF/A-1 alone forbids transparency: the drawn PNG's alpha (6.4-2). docs/validators.md, "PDF/A".
    const result = await validateWithVeraPdf(pdf);
    expect(result).toMatchObject({ compliant: false, flavour: '1b', declared: '1b' });
    expect(result.failedRules.map((r) => [r.rule, r.failedChecks])).toEqual([['6.4-2', 1]]);
    expect(result.failedRules[0]!.context).toContain('PDXImage');
  });
});
