import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../support/temporal-tools';
import { SIGNERS_PER_ENVELOPE } from './bench-envelope-input';
import type { EnvelopeRunResult } from './envelope-run';
import type { FloorRunResult } from './floor-run';
import { throughputRatio } from './stats';

/** The benchmark's result: printed on stdout and kept in `bench-results/`. */
export type LifecycleReport = {
  count: number;
  signersPerEnvelope: number;
  signet: EnvelopeRunResult;
  shapeBaseline: EnvelopeRunResult;
  floorBaseline: FloorRunResult;
  /** Throughput over throughput: the share of the baseline's rate that the first run reaches. */
  ratios: { signetVsShape: number; signetVsFloor: number; shapeVsFloor: number };
  machine: { cpus: number; node: string };
};

export function buildReport(
  count: number,
  runs: { signet: EnvelopeRunResult; shape: EnvelopeRunResult; floor: FloorRunResult },
): LifecycleReport {
  const { signet, shape, floor } = runs;
  return {
    count,
    signersPerEnvelope: SIGNERS_PER_ENVELOPE,
    signet,
    shapeBaseline: shape,
    floorBaseline: floor,
    ratios: {
      signetVsShape: throughputRatio(signet.envelopesPerSecond, shape.envelopesPerSecond),
      signetVsFloor: throughputRatio(signet.envelopesPerSecond, floor.workflowsPerSecond),
      shapeVsFloor: throughputRatio(shape.envelopesPerSecond, floor.workflowsPerSecond),
    },
    machine: { cpus: os.availableParallelism(), node: process.version },
  };
}

/** Writes `bench-results/lifecycle-<UTC timestamp>.json` (git-ignored) and returns its path. */
export async function writeReport(report: LifecycleReport, now = new Date()): Promise<string> {
  const folder = path.join(REPO_ROOT, 'bench-results');
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const file = path.join(folder, `lifecycle-${stamp}.json`);
  await mkdir(folder, { recursive: true });
  await writeFile(file, JSON.stringify(report, null, 2) + '\n');
  return file;
}
