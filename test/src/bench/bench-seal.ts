import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePorts } from '../support/ports';
import { REPO_ROOT } from '../support/temporal-tools';
import { createTestPki, startPkiServices, type TestPki } from '../support/test-pki';
import type { SealChildResult, SealJob } from './seal-child';
import { makeSealInput } from './seal-input';
import { hasGnuTime, median, runChild } from './seal-measure';
import type { SealSizeResult } from './seal-report';
import { buildSealReport, sizeResult, writeSealReport } from './seal-report';

// `npm run bench:seal [-- --sizes 1,10,100,500]`: Signet's full seal (evidence pages + PAdES B-LT) against pyHanko
// signing the same file at B-LT, each run in its own child process, 3 runs per tool and size, medians reported.
// JSON result on stdout, progress on stderr. See docs/benchmarks.md.

const log = (message: string): void => void process.stderr.write(`[bench-seal] ${message}\n`);

const PYHANKO = path.join(REPO_ROOT, '.tools/pyhanko/bin/pyhanko');
const CHILD = path.join(__dirname, 'seal-child.js');
const DEFAULT_SIZES = [1, 10, 100, 500];
const REPEATS = 3;
// Bounds the run: 4 sizes × 2 tools × 3 runs, each killed after this long.
const CHILD_TIMEOUT_MS = 5 * 60_000;

function parseSizes(argv: string[], env: NodeJS.ProcessEnv): number[] {
  const index = argv.indexOf('--sizes');
  const unknown = argv.find((arg, i) => arg.startsWith('--') && arg !== '--sizes' && argv[i - 1] !== '--sizes');
  if (unknown) throw new Error(`unknown option ${unknown} (known: --sizes)`);
  const text = index >= 0 ? argv[index + 1] : env.BENCH_SEAL_SIZES;
  if (text === undefined) return DEFAULT_SIZES;
  const sizes = text.split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes must list page counts, got "${text}"`);
  return sizes;
}

/** The sanity check: the input is a byte prefix of the output, which has a CAdES signature and a DSS. */
async function checkSigned(input: Buffer, output: string, tool: string): Promise<number> {
  const bytes = await readFile(output);
  const tail = bytes.subarray(input.length).toString('latin1');
  if (
    !bytes.subarray(0, input.length).equals(input) ||
    !tail.includes('/ETSI.CAdES.detached') ||
    !/\/DSS\b/.test(tail)
  ) {
    throw new Error(`${tool} output ${output} is not an incremental B-LT signature of its input`);
  }
  return bytes.length;
}

async function measureSize(dir: string, pki: TestPki, pages: number, warmUpInput: string): Promise<SealSizeResult> {
  const input = path.join(dir, `input-${pages}.pdf`);
  const inputBytes = Buffer.from(await makeSealInput(pages));
  await writeFile(input, inputBytes);
  log(`${pages} pages: ${(inputBytes.length / 1e6).toFixed(1)} MB`);
  const signet: { wall: number; child: SealChildResult }[] = [];
  const warm: SealChildResult[] = [];
  const pyhanko: { wall: number; rss: number; out: number }[] = [];
  // Alternating, so drift on a shared machine falls on both tools alike.
  for (let run = 1; run <= REPEATS; run += 1) {
    const job: SealJob = {
      input,
      output: path.join(dir, `signet-${pages}-${run}.pdf`),
      key: pki.seal.key,
      cert: pki.seal.cert,
      chain: pki.chain,
      baseUrl: pki.baseUrl,
    };
    const ours = await runChild(process.execPath, [CHILD, JSON.stringify(job)], CHILD_TIMEOUT_MS);
    const child = JSON.parse(ours.stdout) as SealChildResult;
    await checkSigned(inputBytes, job.output, 'Signet');
    signet.push({ wall: ours.wallMs, child });
    await rm(job.output);
    const warmed = await runChild(process.execPath, [CHILD, JSON.stringify({ ...job, warmUpInput })], CHILD_TIMEOUT_MS);
    await checkSigned(inputBytes, job.output, 'Signet (warm)');
    warm.push(JSON.parse(warmed.stdout) as SealChildResult);
    await rm(job.output);

    const output = path.join(dir, `pyhanko-${pages}-${run}.pdf`);
    const theirs = await runChild(
      PYHANKO,
      [
        ...['sign', 'addsig', '--field', 'Signature', '--use-pades', '--timestamp-url', `${pki.baseUrl}/tsa`],
        ...['--with-validation-info', '--trust', pki.root.cert, '--trust-replace'],
        ...['pemder', '--key', pki.seal.key, '--cert', pki.seal.cert, '--chain', pki.chain, '--no-pass', input, output],
      ],
      CHILD_TIMEOUT_MS,
      true,
    );
    const out = await checkSigned(inputBytes, output, 'pyHanko');
    pyhanko.push({ wall: theirs.wallMs, rss: theirs.peakRssBytes!, out });
    await rm(output);
    log(`${pages} pages, run ${run}: Signet ${ours.wallMs.toFixed(0)} ms, pyHanko ${theirs.wallMs.toFixed(0)} ms`);
  }
  const ms = (values: number[]) => Math.round(median(values));
  const phase = (key: keyof SealChildResult['phasesMs']) => ms(signet.map((r) => r.child.phasesMs[key]));
  return sizeResult(
    pages,
    inputBytes.length,
    {
      ms: ms(signet.map((r) => r.wall)),
      peakRssBytes: median(signet.map((r) => r.child.peakRssBytes)),
      runsMs: signet.map((r) => Math.round(r.wall)),
      inProcessMs: ms(signet.map((r) => r.child.inProcessMs)),
      phasesMs: { evidence: phase('evidence'), seal: phase('seal'), write: phase('write') },
      baselineRssBytes: median(signet.map((r) => r.child.baselineRssBytes)),
      sealGrowthBytes: median(signet.map((r) => r.child.sealGrowthBytes)),
      outputBytes: signet[0]!.child.outputBytes,
    },
    {
      ms: ms(pyhanko.map((r) => r.wall)),
      peakRssBytes: median(pyhanko.map((r) => r.rss)),
      runsMs: pyhanko.map((r) => Math.round(r.wall)),
      outputBytes: pyhanko[0]!.out,
    },
    { inProcessMs: ms(warm.map((r) => r.inProcessMs)), sealGrowthBytes: median(warm.map((r) => r.sealGrowthBytes)) },
  );
}

async function main(): Promise<void> {
  const sizes = parseSizes(process.argv.slice(2), process.env);
  if (!existsSync(PYHANKO)) {
    throw new Error(`pyHanko is not installed (${PYHANKO} is missing): run bash scripts/install-validators.sh`);
  }
  const pyhankoVersion = (await runChild(PYHANKO, ['--version'], 60_000)).stdout.trim();
  const dir = await mkdtemp(path.join(tmpdir(), 'signet-bench-seal-'));
  try {
    const [port] = await freePorts(1);
    const pki = await createTestPki(path.join(dir, 'pki'), { port: port! });
    const services = await startPkiServices(pki);
    const results: SealSizeResult[] = [];
    const warmUpInput = path.join(dir, 'warm-up.pdf');
    await writeFile(warmUpInput, await makeSealInput(1));
    try {
      for (const pages of sizes) results.push(await measureSize(dir, pki, pages, warmUpInput));
    } finally {
      await services.stop();
    }
    const report = buildSealReport(results, REPEATS, {
      pyhanko: pyhankoVersion,
      peakRss: `Signet: process.resourceUsage().maxRSS in the child, growth = that − RSS before reading the input; pyHanko: ${hasGnuTime ? '/usr/bin/time -v' : 'VmHWM from /proc'}`,
    });
    const file = await writeSealReport(report);
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    log(`written to ${file}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  const detail = error instanceof Error && process.env.BENCH_DEBUG ? error.stack : String(error);
  log(`failed: ${detail}${process.env.BENCH_DEBUG ? '' : ' (BENCH_DEBUG=1 shows the stack)'}`);
  process.exitCode = 1;
});
