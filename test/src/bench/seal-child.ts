import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { PdfSealer } from '@signet/worker/seal';
import {
  buildEvidencePages,
  buildFooterPdf,
  footerText,
  createHttpRevocationSource,
  createHttpTimestampAuthority,
  createPadesSealer,
  loadPemSigner,
} from '@signet/worker/seal';
import { benchEvidenceInput } from './seal-evidence';

// One Signet seal in its own process, so the peak RSS is this seal's alone, done as the seal activity does it: evidence
// pages (three signers, a 20-event audit), then the PdfSealer appends them as an incremental update and seals at
// PAdES B-LT with the HTTP TSA and OCSP/CRL clients, in one pass over the file. Started by
// bench-seal.ts with a JSON job as its only argument; prints a SealChildResult on stdout. It imports the light
// `@signet/worker/seal` entry (no Temporal SDK), as a process that only seals would.

export type SealJob = {
  input: string;
  output: string;
  key: string;
  cert: string;
  chain: string;
  baseUrl: string;
  /**
   * Seal this (small) file first and discard it, as a running worker has sealed before: the measured seal then
   * pays no first-use costs (module JIT, font parsing, TLS/HTTP set-up), and its growth is what one more
   * document costs the worker. Without it the child is a cold process.
   */
  warmUpInput?: string;
};
export type SealChildResult = {
  /** From reading the input to writing the output. */
  inProcessMs: number;
  /** Evidence pages built; appended and sealed (B-LT); written. */
  phasesMs: { evidence: number; seal: number; write: number };
  /** Peak RSS of the whole process (maxRSS). */
  peakRssBytes: number;
  /** RSS once the code and the signer are loaded, before the input is read: the process's own baseline. */
  baselineRssBytes: number;
  /** peakRssBytes − baselineRssBytes: the memory the seal itself needed. */
  sealGrowthBytes: number;
  outputBytes: number;
};

type Clock = () => number;

/** Reads the original, builds its evidence pages, then appends and seals them (the sealDocument activity's path). */
async function sealOnce(
  input: string,
  sealer: PdfSealer,
  lap: Clock,
): Promise<{ sealed: Uint8Array; evidence: number; seal: number }> {
  const original = await readFile(input);
  const sha256 = createHash('sha256').update(original).digest('hex');
  const pages = (await buildEvidencePages(benchEvidenceInput(sha256, 0))).bytes;
  const evidence = lap();
  const footerPdf = await buildFooterPdf(footerText('bench-seal'));
  const sealed = await sealer.seal(original, { signingTime: new Date(), evidencePdf: pages, footerPdf });
  return { sealed, evidence, seal: lap() };
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '') as SealJob;
  const signer = loadPemSigner({
    keyPem: await readFile(job.key, 'utf8'),
    certificatesPem: (await readFile(job.cert, 'utf8')) + (await readFile(job.chain, 'utf8')),
  });
  const sealer = createPadesSealer({
    signer,
    level: 'B-LT',
    tsa: createHttpTimestampAuthority({ url: `${job.baseUrl}/tsa` }),
    revocation: createHttpRevocationSource(),
  });
  if (job.warmUpInput) await sealOnce(job.warmUpInput, sealer, () => 0);
  const baselineRssBytes = process.memoryUsage.rss();
  const started = performance.now();
  let last = started;
  const lap: Clock = () => {
    const now = performance.now();
    const elapsed = now - last;
    last = now;
    return Math.round(elapsed);
  };
  const { sealed, evidence, seal } = await sealOnce(job.input, sealer, lap);
  await writeFile(job.output, sealed);
  const write = lap();
  // maxRSS is in kilobytes.
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  const result: SealChildResult = {
    inProcessMs: performance.now() - started,
    phasesMs: { evidence, seal, write },
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
