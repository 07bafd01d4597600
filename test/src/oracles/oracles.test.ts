// Proves the test PKI and the validator oracles before Signet's sealer exists: pyHanko (not Signet) signs a PDF at
// PAdES B-LT against the loopback TSA/OCSP/CRL services, then every oracle must accept it, and must reject a flipped
// signed byte and an untrusted root. The services are stopped before validating, so LTV comes from the file alone.
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PADES_LEVELS, checkWithPdfsig, checkWithQpdf, validateWithDss, validateWithPyHanko } from '../support/oracles';
import { makePdf } from '../support/pdf-fixtures';
import { freePorts } from '../support/ports';
import { createTestPki, startPkiServices, type PkiServices, type TestPki } from '../support/test-pki';

const run = promisify(execFile);
const PYHANKO = path.resolve(__dirname, '../../../.tools/pyhanko/bin/pyhanko');

let dir: string;
let pki: TestPki;
let otherPki: TestPki;
let services: PkiServices | undefined;
/** Shortly after pyHanko signed: embedded revocation data is fresh enough for pyHanko's offline validation. */
let validationTime: Date;
const file = (name: string): string => path.join(dir, name);

/** Signs with pyHanko itself; `ltv` adds the DSS with OCSP/CRL fetched from the loopback services. */
async function signWithPyHanko(input: string, output: string, level: 'B-T' | 'B-LT' | 'B-LTA'): Promise<void> {
  await run(PYHANKO, [
    ...['sign', 'addsig', '--field', 'Sig1', '--timestamp-url', `${pki.baseUrl}/tsa`, '--use-pades'],
    ...(level === 'B-T' ? [] : ['--with-validation-info']),
    ...(level === 'B-LTA' ? ['--use-pades-lta'] : []),
    ...['--trust', pki.root.cert, '--trust-replace'],
    ...['pemder', '--key', pki.seal.key, '--cert', pki.seal.cert, '--chain', pki.chain, '--no-pass', input, output],
  ]);
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

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'signet-oracles-'));
  const [port, otherPort] = await freePorts(2);
  [pki, otherPki] = await Promise.all([
    createTestPki(file('pki'), { port: port!, p12Password: 'oracle-test' }),
    createTestPki(file('other-pki'), { port: otherPort! }),
  ]);
  services = await startPkiServices(pki);
  await writeFile(file('input.pdf'), await makePdf(2, 'Oracle self-test'));
  await Promise.all([
    signWithPyHanko(file('input.pdf'), file('b-lt.pdf'), 'B-LT'),
    signWithPyHanko(file('input.pdf'), file('b-lta.pdf'), 'B-LTA'),
    signWithPyHanko(file('input.pdf'), file('b-t.pdf'), 'B-T'),
  ]);
  validationTime = new Date(Date.now() + 1000);
  await services.stop();
  services = undefined;
  await flipSignedByte(file('b-lt.pdf'), file('tampered.pdf'));
});

afterAll(async () => {
  await services?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('test PKI', () => {
  it('issues a seal certificate for document signing with AIA and CRL on loopback, and a readable PKCS#12', async () => {
    const seal = new X509Certificate(await readFile(pki.seal.cert));
    expect(seal.keyUsage).toEqual(expect.arrayContaining(['1.3.6.1.5.5.7.3.4', '1.3.6.1.5.5.7.3.36']));
    expect(seal.infoAccess).toContain(`OCSP - URI:${pki.baseUrl}/ocsp`);
    expect(seal.checkIssued(new X509Certificate(await readFile(pki.intermediate.cert)))).toBe(true);
    const { stdout } = await run('openssl', ['pkcs12', '-in', pki.seal.p12, '-passin', 'pass:oracle-test', '-nokeys']);
    expect(stdout).toContain('Signet Test seal');
  });
});

describe('oracles on a pyHanko-made PAdES B-LT file', () => {
  it('pyHanko: intact, trusted, timestamped, and LTV-valid from embedded data alone', async () => {
    const now = await validateWithPyHanko(file('b-lt.pdf'), pki.root.cert, { validationTime });
    expect(now.valid).toBe(true);
    expect(now.signatures).toEqual([
      expect.objectContaining({ field: 'Sig1', intact: true, trusted: true, timestamp: 'INTACT:TRUSTED' }),
    ]);
    expect(now.signatures[0]!.ltaUpdates).toBe(true);
    const ltv = await validateWithPyHanko(file('b-lt.pdf'), pki.root.cert, { ltv: true, validationTime });
    expect(ltv).toMatchObject({ mode: 'adesverify', valid: true });
    expect(ltv.signatures[0]).toMatchObject({ intact: true, trusted: true, timestamp: 'INTACT:TRUSTED' });
  });

  it('EU DSS: PAdES-BASELINE-LT or better, TOTAL_PASSED, with a passed signature timestamp', async () => {
    const { signatures } = await validateWithDss(file('b-lt.pdf'), pki.root.cert);
    expect(signatures).toHaveLength(1);
    const [signature] = signatures;
    expect(PADES_LEVELS.indexOf(signature!.format ?? '')).toBeGreaterThanOrEqual(2);
    expect(signature).toMatchObject({ indication: 'TOTAL_PASSED', errors: [] });
    expect(signature!.timestamps).toEqual([expect.objectContaining({ indication: 'PASSED' })]);
  });

  it('B-LTA (pyHanko --use-pades-lta): DSS says PAdES-BASELINE-LTA, pyHanko adesverify valid', async () => {
    const [dss, pyhanko] = await Promise.all([
      validateWithDss(file('b-lta.pdf'), pki.root.cert),
      validateWithPyHanko(file('b-lta.pdf'), pki.root.cert, { ltv: true, validationTime }),
    ]);
    expect(dss.signatures[0]).toMatchObject({ format: 'PAdES-BASELINE-LTA', indication: 'TOTAL_PASSED' });
    expect(pyhanko.valid).toBe(true);
  });

  it('pdfsig: signature valid, certificate trusted', async () => {
    const { signatures } = await checkWithPdfsig(file('b-lt.pdf'), pki.root.cert);
    expect(signatures).toEqual([
      expect.objectContaining({ field: 'Sig1', signatureType: 'ETSI.CAdES.detached', valid: true, trusted: true }),
    ]);
  });

  it('qpdf --check: no errors or warnings', async () => {
    expect(await checkWithQpdf(file('b-lt.pdf'))).toMatchObject({ exitCode: 0, ok: true });
  });
});

describe('oracles reject what they must', () => {
  it('a B-T file without revocation data is not LTV: DSS says B-T, pyHanko adesverify fails offline', async () => {
    const [dss, pyhanko] = await Promise.all([
      validateWithDss(file('b-t.pdf'), pki.root.cert),
      validateWithPyHanko(file('b-t.pdf'), pki.root.cert, { ltv: true, validationTime }),
    ]);
    expect(dss.signatures[0]).toMatchObject({ format: 'PAdES-BASELINE-T' });
    expect(dss.signatures[0]!.indication).not.toBe('TOTAL_PASSED');
    expect(pyhanko.valid).toBe(false);
  });

  it('a flipped byte inside the signed range is invalid for pyHanko, DSS and pdfsig', async () => {
    const [pyhanko, dss, pdfsig] = await Promise.all([
      validateWithPyHanko(file('tampered.pdf'), pki.root.cert, { validationTime }),
      validateWithDss(file('tampered.pdf'), pki.root.cert),
      checkWithPdfsig(file('tampered.pdf'), pki.root.cert),
    ]);
    expect(pyhanko.valid).toBe(false);
    expect(pyhanko.signatures[0]).toMatchObject({ intact: false, status: 'INVALID' });
    expect(dss.signatures[0]).toMatchObject({ indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' });
    expect(pdfsig.signatures[0]).toMatchObject({ valid: false });
  });

  it('an unrelated root is untrusted for pyHanko, DSS and pdfsig', async () => {
    const [pyhanko, dss, pdfsig] = await Promise.all([
      validateWithPyHanko(file('b-lt.pdf'), otherPki.root.cert, { validationTime }),
      validateWithDss(file('b-lt.pdf'), otherPki.root.cert),
      checkWithPdfsig(file('b-lt.pdf'), otherPki.root.cert),
    ]);
    expect(pyhanko.valid).toBe(false);
    expect(pyhanko.signatures[0]).toMatchObject({ intact: true, trusted: false });
    expect(dss.signatures[0]!.indication).toBe('INDETERMINATE');
    expect(dss.signatures[0]!.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    expect(pdfsig.signatures[0]).toMatchObject({ valid: true, trusted: false });
  });

  it('qpdf --check reports a truncated file', async () => {
    const bytes = await readFile(file('b-lt.pdf'));
    await writeFile(file('truncated.pdf'), bytes.subarray(0, bytes.length - 200));
    expect((await checkWithQpdf(file('truncated.pdf'))).ok).toBe(false);
  });
});
