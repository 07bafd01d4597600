// Signet's own PAdES sealer (worker/src/seal) judged by validators nobody on this project wrote: pyHanko, the EU DSS
// library, poppler's pdfsig and qpdf. Seals are made with the real HTTP TSA and OCSP/CRL clients against the loopback
// test PKI; the services are stopped before validating, so LTV must come from the file alone. pyHanko accepts embedded
// revocation data only close to its production time, so it validates at "just after sealing" (docs/validators.md).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { PadesLevel, SealSigner } from '@signet/worker';
import {
  createHttpRevocationSource,
  createHttpTimestampAuthority,
  loadPemSigner,
  loadPkcs12Signer,
  sealPdfPades,
} from '@signet/worker';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { checkWithPdfsig, checkWithQpdf, validateWithDss, validateWithPyHanko } from '../support/oracles';
import { expectLongTermValid } from '../support/expect-long-term-valid';
import { freePorts } from '../support/ports';
import { createTestPki, startPkiServices, type PkiServices, type TestPki } from '../support/test-pki';

const run = promisify(execFile);
const PYHANKO = path.resolve(__dirname, '../../../.tools/pyhanko/bin/pyhanko');

let dir: string;
let pki: TestPki;
let services: PkiServices | undefined;
const file = (name: string): string => path.join(dir, name);

/** A sealed file and the instant just after it was sealed (pyHanko's validation time for embedded revocation data). */
type Sealed = { path: string; input: Buffer; bytes: Buffer; validationTime: Date };
const sealed = new Map<string, Sealed>();
const get = (name: string): Sealed => {
  const entry = sealed.get(name);
  if (!entry) throw new Error(`${name} was not sealed`);
  return entry;
};

/** pdf-lib output: a classic xref table, or object streams with an xref stream. */
async function makeInput(pages: number, useObjectStreams: boolean): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i += 1) {
    doc.addPage([595, 842]).drawText(`Service agreement - page ${i}`, { x: 50, y: 780, size: 14, font });
  }
  return Buffer.from(await doc.save({ useObjectStreams }));
}

/** An approval signature by pyHanko itself (PAdES B-T, or B-B without `timestamp`). */
async function signWithPyHanko(input: string, output: string, field: string, timestamp = true): Promise<void> {
  await run(PYHANKO, [
    ...['sign', 'addsig', '--field', field, '--use-pades'],
    ...(timestamp ? ['--timestamp-url', `${pki.baseUrl}/tsa`] : []),
    ...['--trust', pki.root.cert, '--trust-replace'],
    ...['pemder', '--key', pki.seal.key, '--cert', pki.seal.cert, '--chain', pki.chain, '--no-pass', input, output],
  ]);
}

async function pemSigner(): Promise<SealSigner> {
  return loadPemSigner({
    keyPem: await readFile(pki.seal.key, 'utf8'),
    certificatesPem: (await readFile(pki.seal.cert, 'utf8')) + (await readFile(pki.chain, 'utf8')),
  });
}

async function seal(name: string, input: Buffer, level: PadesLevel, signer: SealSigner): Promise<void> {
  const bytes = Buffer.from(
    await sealPdfPades(input, {
      signer,
      level,
      tsa: createHttpTimestampAuthority({ url: `${pki.baseUrl}/tsa` }),
      revocation: createHttpRevocationSource(),
      signingTime: new Date(),
    }),
  );
  await writeFile(file(name), bytes);
  sealed.set(name, { path: file(name), input, bytes, validationTime: new Date(Date.now() + 1000) });
}

/** Flips one bit in the header's binary comment: inside the first signed range, harmless to the PDF structure. */
async function flipSignedByte(input: string, output: string): Promise<void> {
  const bytes = await readFile(input);
  const range = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)/.exec(bytes.toString('latin1'));
  const offset = bytes.indexOf('%', 1);
  expect(range && offset > 0 && offset + 1 < Number(range[1]) + Number(range[2])).toBe(true);
  bytes[offset + 1]! ^= 0x01;
  await writeFile(output, bytes);
}

const isPrefix = (prefix: Buffer, of: Buffer): boolean => of.subarray(0, prefix.length).equals(prefix);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'signet-seal-validators-'));
  const [port] = await freePorts(1);
  pki = await createTestPki(file('pki'), { port: port!, p12Password: 'seal-test' });
  services = await startPkiServices(pki);
  const signer = await pemSigner();
  const single = await makeInput(1, false);
  for (const level of ['B-B', 'B-T', 'B-LT', 'B-LTA'] as const)
    await seal(`single-${level}.pdf`, single, level, signer);
  const p12 = await loadPkcs12Signer(await readFile(pki.seal.p12), pki.seal.p12Password);
  await seal('pages100-B-LT.pdf', await makeInput(100, false), 'B-LT', p12);
  await writeFile(file('presigned-input.pdf'), await makeInput(2, false));
  await signWithPyHanko(file('presigned-input.pdf'), file('presigned.pdf'), 'Customer');
  // Control for pdfsig: the same pre-signed file with a second signature by pyHanko instead of Signet.
  await signWithPyHanko(file('presigned.pdf'), file('presigned-twice-by-pyhanko.pdf'), 'Second', false);
  await seal('presigned-B-LT.pdf', await readFile(file('presigned.pdf')), 'B-LT', signer);
  const streams = await makeInput(3, true);
  await seal('streams-B-LT.pdf', streams, 'B-LT', signer);
  await seal('streams-B-LTA.pdf', streams, 'B-LTA', signer);
  await services.stop();
  services = undefined;
  await flipSignedByte(file('single-B-LT.pdf'), file('tampered.pdf'));
}, 300_000);

afterAll(async () => {
  await services?.stop();
  if (dir && !process.env['SEAL_VALIDATORS_KEEP']) await rm(dir, { recursive: true, force: true });
});

describe('Signet seal, single page', () => {
  it('B-B: pyHanko intact and trusted (no revocation check), DSS PAdES-BASELINE-B, pdfsig valid, qpdf clean', async () => {
    const { path: pdf, validationTime } = get('single-B-B.pdf');
    const [pyhanko, dss, pdfsig, qpdf] = await Promise.all([
      validateWithPyHanko(pdf, pki.root.cert, { noRevocationCheck: true, validationTime }),
      validateWithDss(pdf, pki.root.cert),
      checkWithPdfsig(pdf, pki.root.cert),
      checkWithQpdf(pdf),
    ]);
    expect(pyhanko.signatures).toEqual([
      expect.objectContaining({ intact: true, trusted: true, timestamp: undefined }),
    ]);
    expect(pyhanko.valid).toBe(true);
    // Without revocation data DSS cannot conclude on the chain: the format is the verdict here (pdf guide §8).
    expect(dss.signatures).toEqual([expect.objectContaining({ format: 'PAdES-BASELINE-B', timestamps: [] })]);
    expect(dss.signatures[0]!.indication).not.toBe('TOTAL_FAILED');
    expect(pdfsig.signatures).toEqual([expect.objectContaining({ valid: true, trusted: true })]);
    expect(qpdf.exitCode).toBe(0);
  });

  it('B-T: pyHanko timestamp intact and trusted, DSS PAdES-BASELINE-T with its timestamp', async () => {
    const { path: pdf, validationTime } = get('single-B-T.pdf');
    const [pyhanko, dss, pdfsig, qpdf] = await Promise.all([
      validateWithPyHanko(pdf, pki.root.cert, { noRevocationCheck: true, validationTime }),
      validateWithDss(pdf, pki.root.cert),
      checkWithPdfsig(pdf, pki.root.cert),
      checkWithQpdf(pdf),
    ]);
    expect(pyhanko.signatures).toEqual([
      expect.objectContaining({ intact: true, trusted: true, timestamp: 'INTACT:TRUSTED' }),
    ]);
    expect(pyhanko.valid).toBe(true);
    // INDETERMINATE "No revocation data found" is right for B-T offline; the format is the verdict (pdf guide §8).
    expect(dss.signatures).toEqual([expect.objectContaining({ format: 'PAdES-BASELINE-T' })]);
    expect(dss.signatures[0]!.indication).not.toBe('TOTAL_FAILED');
    expect(dss.signatures[0]!.timestamps).toHaveLength(1);
    expect(pdfsig.signatures).toEqual([expect.objectContaining({ valid: true, trusted: true })]);
    expect(qpdf.exitCode).toBe(0);
  });

  it('B-LT: pyHanko LTV-valid from the file, DSS PAdES-BASELINE-LT TOTAL_PASSED, pdfsig trusted, qpdf clean', async () => {
    const { path: pdf, validationTime } = get('single-B-LT.pdf');
    await expectLongTermValid(pdf, pki.root.cert, validationTime, 'PAdES-BASELINE-LT');
  });

  it('B-LTA: DSS PAdES-BASELINE-LTA TOTAL_PASSED, pyHanko LTV-valid, pdfsig trusted, qpdf clean', async () => {
    const { path: pdf, validationTime } = get('single-B-LTA.pdf');
    await expectLongTermValid(pdf, pki.root.cert, validationTime, 'PAdES-BASELINE-LTA');
  });

  it('every level keeps the input a byte prefix of the output', () => {
    for (const level of ['B-B', 'B-T', 'B-LT', 'B-LTA']) {
      const { input, bytes } = get(`single-${level}.pdf`);
      expect(isPrefix(input, bytes)).toBe(true);
    }
  });
});

describe('Signet seal, other inputs', () => {
  it('100 pages, PKCS#12 key, B-LT: accepted by every oracle', async () => {
    const { path: pdf, validationTime, input, bytes } = get('pages100-B-LT.pdf');
    expect(isPrefix(input, bytes)).toBe(true);
    await expectLongTermValid(pdf, pki.root.cert, validationTime, 'PAdES-BASELINE-LT');
  });

  it.each([
    ['B-LT', 'PAdES-BASELINE-LT'],
    ['B-LTA', 'PAdES-BASELINE-LTA'],
  ] as const)('object and xref streams, %s: accepted by every oracle', async (level, format) => {
    const { path: pdf, validationTime, input, bytes } = get(`streams-${level}.pdf`);
    expect(isPrefix(input, bytes)).toBe(true);
    await expectLongTermValid(pdf, pki.root.cert, validationTime, format);
  });

  it('a PDF already signed by pyHanko: its revision stays a byte prefix, and both signatures validate', async () => {
    const { path: pdf, validationTime, input, bytes } = get('presigned-B-LT.pdf');
    expect(isPrefix(input, bytes)).toBe(true);
    const [pyhanko, ltv, dss, pdfsig, qpdf] = await Promise.all([
      validateWithPyHanko(pdf, pki.root.cert, { validationTime }),
      validateWithPyHanko(pdf, pki.root.cert, { ltv: true, validationTime }),
      validateWithDss(pdf, pki.root.cert),
      checkWithPdfsig(pdf, pki.root.cert),
      checkWithQpdf(pdf),
    ]);
    const [customer, seal] = pyhanko.signatures;
    expect(pyhanko.signatures).toHaveLength(2);
    expect(customer).toMatchObject({ field: 'Customer', intact: true, trusted: true, timestamp: 'INTACT:TRUSTED' });
    expect(customer!.modifications).toBe('ACCEPTABLE_MODIFICATIONS');
    expect(seal).toMatchObject({ field: 'Signet seal', intact: true, trusted: true, timestamp: 'INTACT:TRUSTED' });
    expect(pyhanko.valid).toBe(true);
    expect(ltv.valid).toBe(true);
    expect(dss.signatures).toHaveLength(2);
    for (const signature of dss.signatures) {
      expect(signature).toMatchObject({ format: 'PAdES-BASELINE-LT', indication: 'TOTAL_PASSED', errors: [] });
    }
    expect(pdfsig.signatures).toEqual([
      expect.objectContaining({ field: 'Customer', valid: true, trusted: true }),
      expect.objectContaining({ field: 'Signet seal', valid: true }),
    ]);
    // pdfsig 22.12 reports the second signature by the same certificate as "Unknown issue with Certificate or
    // corrupted data." whoever made it: pyHanko's own second signature gets the same verdict as Signet's seal.
    const control = await checkWithPdfsig(file('presigned-twice-by-pyhanko.pdf'), pki.root.cert);
    expect(control.signatures).toEqual([
      expect.objectContaining({ field: 'Customer', valid: true, trusted: true }),
      expect.objectContaining({ field: 'Second', valid: true }),
    ]);
    expect(pdfsig.signatures[1]!.certificateValidation).toBe(control.signatures[1]!.certificateValidation);
    expect(qpdf.exitCode).toBe(0);
  });
});

describe('Signet seal, tampered', () => {
  it('a flipped byte inside the signed range is invalid for pyHanko, DSS and pdfsig', async () => {
    const { validationTime } = get('single-B-LT.pdf');
    const pdf = file('tampered.pdf');
    const [pyhanko, ltv, dss, pdfsig] = await Promise.all([
      validateWithPyHanko(pdf, pki.root.cert, { validationTime }),
      validateWithPyHanko(pdf, pki.root.cert, { ltv: true, validationTime }),
      validateWithDss(pdf, pki.root.cert),
      checkWithPdfsig(pdf, pki.root.cert),
    ]);
    expect(pyhanko.valid).toBe(false);
    expect(pyhanko.signatures[0]).toMatchObject({ intact: false, status: 'INVALID' });
    expect(ltv.valid).toBe(false);
    expect(dss.signatures[0]).toMatchObject({ indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' });
    expect(pdfsig.signatures[0]).toMatchObject({ valid: false });
  });
});
