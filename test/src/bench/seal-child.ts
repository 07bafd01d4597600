import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { SealSigner } from '@signet/worker/seal';
import {
  appendPagesIncrementally,
  buildEvidencePages,
  createHttpRevocationSource,
  createHttpTimestampAuthority,
  loadPemSigner,
  sealPdfPades,
} from '@signet/worker/seal';
import { benchEvidenceInput } from './seal-evidence';

// One Signet seal in its own process, so the peak RSS is this seal's alone: evidence pages (three signers, a 20-event
// audit) appended as an incremental update, then PAdES B-LT with the HTTP TSA and OCSP/CRL clients. Started by
// bench-seal.ts with a JSON job as its only argument; prints a SealChildResult on stdout. It imports the light
// `@signet/worker/seal` entry (no Temporal SDK), as a process that only seals would.

export type SealJob = { input: string; output: string; key: string; cert: string; chain: string; baseUrl: string };
export type SealChildResult = {
  /** From reading the input to writing the output. */
  inProcessMs: number;
  phasesMs: { evidence: number; append: number; seal: number; write: number };
  /** Peak RSS of the whole process (maxRSS). */
  peakRssBytes: number;
  /** RSS once the code and the signer are loaded, before the input is read: the process's own baseline. */
  baselineRssBytes: number;
  /** peakRssBytes − baselineRssBytes: the memory the seal itself needed. */
  sealGrowthBytes: number;
  outputBytes: number;
};

type Clock = () => number;

/** Reads the original, builds its evidence pages and appends them; only the result outlives this call. */
async function withEvidence(
  job: SealJob,
  lap: Clock,
): Promise<{ bytes: Uint8Array; evidence: number; append: number }> {
  const original = await readFile(job.input);
  const sha256 = createHash('sha256').update(original).digest('hex');
  const pages = (await buildEvidencePages(benchEvidenceInput(sha256, 0))).bytes;
  const evidence = lap();
  const bytes = await appendPagesIncrementally(original, pages);
  return { bytes, evidence, append: lap() };
}

async function seal(bytes: Uint8Array, job: SealJob, signer: SealSigner): Promise<Uint8Array> {
  return sealPdfPades(bytes, {
    signer,
    level: 'B-LT',
    tsa: createHttpTimestampAuthority({ url: `${job.baseUrl}/tsa` }),
    revocation: createHttpRevocationSource(),
    signingTime: new Date(),
  });
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '') as SealJob;
  const signer = loadPemSigner({
    keyPem: await readFile(job.key, 'utf8'),
    certificatesPem: (await readFile(job.cert, 'utf8')) + (await readFile(job.chain, 'utf8')),
  });
  const baselineRssBytes = process.memoryUsage.rss();
  const started = performance.now();
  let last = started;
  const lap: Clock = () => {
    const now = performance.now();
    const elapsed = now - last;
    last = now;
    return Math.round(elapsed);
  };
  const prepared = await withEvidence(job, lap);
  const sealed = await seal(prepared.bytes, job, signer);
  const sealMs = lap();
  await writeFile(job.output, sealed);
  const write = lap();
  // maxRSS is in kilobytes.
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  const result: SealChildResult = {
    inProcessMs: performance.now() - started,
    phasesMs: { evidence: prepared.evidence, append: prepared.append, seal: sealMs, write },
    peakRssBytes,
    baselineRssBytes,
    sealGrowthBytes: peakRssBytes - baselineRssBytes,
    outputBytes: sealed.byteLength,
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[bench-seal child] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
