// Independent validators as test oracles (pdf guide §8): each function runs a tool nobody on this project wrote and
// returns its parsed verdict. A missing tool throws, naming the installer: tests fail, they never skip.
// Every oracle runs offline: trust comes only from the root passed in, revocation data from the document (or, for DSS,
// from files passed explicitly).
import { execFile } from 'node:child_process';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const PYHANKO = path.join(ROOT, '.tools/pyhanko/bin/pyhanko');
const DSS_LIB = path.join(ROOT, '.tools/dss/lib');
const DSS_CHECK = path.join(ROOT, 'test/oracles/dss/DssCheck.java');
const VERAPDF_LIB = path.join(ROOT, '.tools/verapdf/lib');
const VERA_CHECK = path.join(ROOT, 'test/oracles/verapdf/VeraCheck.java');
const INSTALL_HINT = 'run `bash scripts/install-validators.sh`';

type ToolRun = { exitCode: number; stdout: string; stderr: string };

/** Runs a tool and returns its exit code and output; only a missing executable or a timeout is an exception. */
async function runTool(command: string, args: string[], timeoutMs = 120_000): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const failure = error as (NodeJS.ErrnoException & { code?: string | number; killed?: boolean }) | null;
      if (failure?.code === 'ENOENT') {
        reject(new Error(`${command} is not installed: ${INSTALL_HINT}`));
      } else if (failure?.killed) {
        reject(new Error(`${command} ${args.join(' ')} timed out after ${timeoutMs} ms`));
      } else {
        resolve({ exitCode: typeof failure?.code === 'number' ? failure.code : failure ? 1 : 0, stdout, stderr });
      }
    });
  });
}

async function requirePath(file: string, what: string): Promise<void> {
  try {
    await access(file);
  } catch {
    throw new Error(`${what} is not installed (${path.relative(ROOT, file)} missing): ${INSTALL_HINT}`);
  }
}

async function withTempDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'signet-oracle-'));
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// ─── pyHanko ────────────────────────────────────────────────────────────────────────────────────────────────────────

export type PyHankoSignature = {
  field: string;
  /** The machine summary, e.g. `INTACT:TRUSTED,TIMESTAMP_TOKEN<INTACT:TRUSTED>,UNTOUCHED`, or `INVALID`. */
  status: string;
  intact: boolean;
  trusted: boolean;
  /** Status of the signature timestamp token (`INTACT:TRUSTED`), absent without one. */
  timestamp?: string;
  /** The file was extended after signing by DSS / document-timestamp updates only. */
  ltaUpdates: boolean;
  modifications: 'UNTOUCHED' | 'ACCEPTABLE_MODIFICATIONS' | 'ILLEGAL_MODIFICATIONS' | 'UNKNOWN';
};

export type PyHankoResult = {
  /** `validate` (signature + trust now) or `adesverify` (AdES past validation from embedded revocation data). */
  mode: 'validate' | 'adesverify';
  /** pyHanko's bottom line: every signature valid (exit code 0). */
  valid: boolean;
  exitCode: number;
  signatures: PyHankoSignature[];
  output: string;
};

function parsePyHankoLine(line: string): PyHankoSignature | undefined {
  // <field>:<sha256 of signer cert>:<status>; the status itself contains ':' and '<…>'.
  const match = /^(.+):([0-9a-f]{64}):(.+)$/.exec(line.trim());
  if (!match) return undefined;
  const status = match[3]!;
  const fields = status.replace(/^INTACT:/, '').split(',');
  const modifications = fields.find((f) => /^(UNTOUCHED|ACCEPTABLE_MODIFICATIONS|ILLEGAL_MODIFICATIONS)$/.test(f));
  return {
    field: match[1]!,
    status,
    intact: status.startsWith('INTACT:'),
    trusted: fields[0] === 'TRUSTED',
    timestamp: /(?:^|,)TIMESTAMP_TOKEN<([^>]*)>/.exec(status)?.[1],
    ltaUpdates: fields.includes('EXTENDED_WITH_LTA_UPDATES'),
    modifications: (modifications as PyHankoSignature['modifications'] | undefined) ?? 'UNKNOWN',
  };
}

/**
 * pyHanko against `rootPem` as the only trust anchor. `ltv: true` runs `sign adesverify` (AdES validation that needs
 * revocation data for the whole chain); otherwise `sign validate` with hard-fail revocation checking. Neither is
 * offline by itself when the certificates name reachable OCSP/CRL URLs: stop the PKI services first to prove that
 * the embedded data suffices. Offline, pyHanko 0.38 accepts embedded OCSP/CRL data only if it is fresh relative to the
 * validation time (a few seconds): pass `validationTime` close to the signing time to validate from the file alone.
 */
export async function validateWithPyHanko(
  pdfPath: string,
  rootPem: string,
  options: { ltv?: boolean; validationTime?: Date; noRevocationCheck?: boolean } = {},
): Promise<PyHankoResult> {
  await requirePath(PYHANKO, 'pyHanko');
  const mode = options.ltv ? 'adesverify' : 'validate';
  const time = options.validationTime ? ['--validation-time', options.validationTime.toISOString()] : [];
  // `validate` only: integrity and trust without revocation data (B-B/B-T files carry none).
  const revocation = options.noRevocationCheck && !options.ltv ? ['--no-revocation-check'] : [];
  const { exitCode, stdout, stderr } = await runTool(PYHANKO, [
    'sign',
    mode,
    ...time,
    ...revocation,
    '--trust',
    rootPem,
    '--trust-replace',
    pdfPath,
  ]);
  const signatures = stdout
    .split('\n')
    .map(parsePyHankoLine)
    .filter((s): s is PyHankoSignature => s !== undefined);
  return { mode, valid: exitCode === 0 && signatures.length > 0, exitCode, signatures, output: stdout + stderr };
}

// ─── EU DSS ─────────────────────────────────────────────────────────────────────────────────────────────────────────

export type DssTimestamp = { id: string; indication: string; subIndication: string | null; productionTime: string };

export type DssSignature = {
  id: string;
  /** e.g. `PAdES-BASELINE-LT`; `PAdES-BASELINE-B` when the timestamp or DSS is missing or not recognised. */
  format: string | null;
  /** `TOTAL_PASSED`, `INDETERMINATE` or `TOTAL_FAILED`. */
  indication: string;
  subIndication: string | null;
  signingTime: string | null;
  bestSignatureTime: string | null;
  timestamps: DssTimestamp[];
  errors: string[];
};

export type DssResult = { signatures: DssSignature[]; stderr: string };

/** Orders PAdES baseline levels so tests can assert "B-LT or better". */
export const PADES_LEVELS = ['PAdES-BASELINE-B', 'PAdES-BASELINE-T', 'PAdES-BASELINE-LT', 'PAdES-BASELINE-LTA'];

/** The EU DSS library (test/oracles/dss/DssCheck.java): no AIA/OCSP/CRL fetching, only `crl`/`ocsp` DER files. */
export async function validateWithDss(
  pdfPath: string,
  rootPem: string,
  options: { crl?: string[]; ocsp?: string[] } = {},
): Promise<DssResult> {
  await requirePath(DSS_LIB, 'The EU DSS library');
  const extra = [
    ...(options.crl ?? []).flatMap((f) => ['--crl', f]),
    ...(options.ocsp ?? []).flatMap((f) => ['--ocsp', f]),
  ];
  const { exitCode, stdout, stderr } = await runTool('java', [
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    '-cp',
    `${DSS_LIB}/*`,
    DSS_CHECK,
    pdfPath,
    rootPem,
    ...extra,
  ]);
  if (exitCode !== 0) throw new Error(`DssCheck failed (exit ${exitCode}) on ${pdfPath}:\n${stderr.slice(-4000)}`);
  const signatures = stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as DssSignature);
  return { signatures, stderr };
}

// ─── poppler pdfsig ─────────────────────────────────────────────────────────────────────────────────────────────────

export type PdfsigSignature = {
  field: string | undefined;
  signatureType: string | undefined;
  /** `Signature is Valid.`, `Digest Mismatch.`, … */
  signatureValidation: string | undefined;
  /** `Certificate is Trusted.`, `Certificate issuer isn't Trusted.`, … */
  certificateValidation: string | undefined;
  valid: boolean;
  trusted: boolean;
  coversWholeDocument: boolean;
};

export type PdfsigResult = { signatures: PdfsigSignature[]; output: string };

function parsePdfsig(output: string): PdfsigSignature[] {
  return output
    .split(/^Signature #\d+:$/m)
    .slice(1)
    .map((block) => {
      const value = (label: string): string | undefined =>
        new RegExp(`^\\s*- ${label}: (.*)$`, 'm').exec(block)?.[1]?.trim();
      const signatureValidation = value('Signature Validation');
      const certificateValidation = value('Certificate Validation');
      return {
        field: value('Signature Field Name'),
        signatureType: value('Signature Type'),
        signatureValidation,
        certificateValidation,
        valid: signatureValidation === 'Signature is Valid.',
        trusted: certificateValidation === 'Certificate is Trusted.',
        coversWholeDocument: /^\s*- Total document signed$/m.test(block),
      };
    });
}

/**
 * poppler's `pdfsig` with an NSS database that trusts only `rootPem`, without OCSP. It exits 0 even for invalid
 * signatures (2 = no signatures), so the verdict comes from its text. It ignores timestamps, DSS and LTV.
 */
export async function checkWithPdfsig(pdfPath: string, rootPem: string): Promise<PdfsigResult> {
  return withTempDir(async (dir) => {
    const nss = `sql:${dir}`;
    const init = await runTool('certutil', ['-N', '-d', nss, '--empty-password']);
    if (init.exitCode !== 0) throw new Error(`certutil -N failed: ${init.stderr}`);
    const add = await runTool('certutil', [
      '-A',
      '-d',
      nss,
      '-n',
      'signet-test-root',
      '-t',
      'CT,C,C',
      '-a',
      '-i',
      rootPem,
    ]);
    if (add.exitCode !== 0) throw new Error(`certutil -A failed: ${add.stderr}`);
    const { exitCode, stdout, stderr } = await runTool('pdfsig', ['-nssdir', nss, '-no-ocsp', pdfPath]);
    if (exitCode === 2) return { signatures: [], output: stdout + stderr };
    if (exitCode !== 0) throw new Error(`pdfsig failed (exit ${exitCode}) on ${pdfPath}: ${stderr}`);
    return { signatures: parsePdfsig(stdout), output: stdout + stderr };
  });
}

// ─── qpdf ───────────────────────────────────────────────────────────────────────────────────────────────────────────

export type QpdfResult = { exitCode: 0 | 2 | 3; ok: boolean; output: string };

/** `qpdf --check` (read only): exit 0 = no problems, 2 = errors, 3 = warnings only. */
export async function checkWithQpdf(pdfPath: string): Promise<QpdfResult> {
  const { exitCode, stdout, stderr } = await runTool('qpdf', ['--check', pdfPath]);
  if (exitCode !== 0 && exitCode !== 2 && exitCode !== 3) {
    throw new Error(`qpdf --check exited ${exitCode} on ${pdfPath}: ${stderr}`);
  }
  return { exitCode, ok: exitCode === 0, output: stdout + stderr };
}

// ─── veraPDF ────────────────────────────────────────────────────────────────────────────────────────────────────────

export type VeraPdfRule = {
  /** Clause and test number of ISO 19005, as veraPDF's rule wiki names it, e.g. `6.2.11.4.1-1`. */
  rule: string;
  failedChecks: number;
  description: string;
  /** Where the first failure is, e.g. `root/document[0]/pages[0](5 0 obj PDPage)/…`. */
  context: string | null;
};

export type VeraPdfResult = {
  compliant: boolean;
  /** The flavour validated against, e.g. `2b`. */
  flavour: string;
  /** The flavour the file's XMP metadata declares, or null. */
  declared: string | null;
  failedRules: VeraPdfRule[];
};

/**
 * veraPDF (test/oracles/verapdf/VeraCheck.java) against `flavour` (`1b`, `2b`, `2u`, `3b`, …), or else the flavour
 * the file declares; a file that declares none and is given none is an error, not a verdict.
 */
export async function validateWithVeraPdf(pdfPath: string, flavour?: string): Promise<VeraPdfResult> {
  await requirePath(VERAPDF_LIB, 'The veraPDF library');
  const { exitCode, stdout, stderr } = await runTool('java', [
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    '-cp',
    `${VERAPDF_LIB}/*`,
    VERA_CHECK,
    pdfPath,
    ...(flavour ? [flavour] : []),
  ]);
  const line = stdout.split('\n').find((l) => l.startsWith('{'));
  if (exitCode !== 0 || !line) {
    throw new Error(`VeraCheck failed (exit ${exitCode}) on ${pdfPath}:\n${stderr.slice(-4000)}`);
  }
  return JSON.parse(line) as VeraPdfResult;
}
