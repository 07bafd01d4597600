import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import {
  appendPagesIncrementally,
  buildEvidencePages,
  createHttpRevocationSource,
  createHttpTimestampAuthority,
  loadPemSigner,
  sealPdfPades,
} from '@signet/worker';
import { benchEvidenceInput } from './seal-evidence';

// One Signet seal in its own process, so the peak RSS is this seal's alone: evidence pages (three signers, a 20-event
// audit) appended as an incremental update, then PAdES B-LT with the HTTP TSA and OCSP/CRL clients. Started by
// bench-seal.ts with a JSON job as its only argument; prints `{ inProcessMs, peakRssBytes, outputBytes }` on stdout.

export type SealJob = { input: string; output: string; key: string; cert: string; chain: string; baseUrl: string };
export type SealChildResult = { inProcessMs: number; peakRssBytes: number; outputBytes: number };

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '') as SealJob;
  const signer = loadPemSigner({
    keyPem: await readFile(job.key, 'utf8'),
    certificatesPem: (await readFile(job.cert, 'utf8')) + (await readFile(job.chain, 'utf8')),
  });
  const started = performance.now();
  const original = await readFile(job.input);
  const sha256 = createHash('sha256').update(original).digest('hex');
  const pages = (await buildEvidencePages(benchEvidenceInput(sha256, 0))).bytes;
  const withEvidence = await appendPagesIncrementally(original, pages);
  const sealed = await sealPdfPades(withEvidence, {
    signer,
    level: 'B-LT',
    tsa: createHttpTimestampAuthority({ url: `${job.baseUrl}/tsa` }),
    revocation: createHttpRevocationSource(),
    signingTime: new Date(),
  });
  await writeFile(job.output, sealed);
  const result: SealChildResult = {
    inProcessMs: performance.now() - started,
    // maxRSS is in kilobytes.
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
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
