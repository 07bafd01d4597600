import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../support/temporal-tools';

/** Median wall time (whole child process) and median peak RSS of one tool's runs on one input. */
export type ToolFigures = { ms: number; peakRssBytes: number; runsMs: number[] };

export type SealSizeResult = {
  pages: number;
  fileBytes: number;
  signet: ToolFigures & {
    inProcessMs: number;
    /** Medians of the child's phases: evidence pages built, appended and sealed (B-LT) in one pass, written. */
    phasesMs: { evidence: number; seal: number; write: number };
    /** Median RSS of the child once code and signer are loaded, before it reads the input. */
    baselineRssBytes: number;
    /** Median of (peak RSS − baseline RSS) per run: the memory the seal itself needed. */
    sealGrowthBytes: number;
    outputBytes: number;
  };
  pyhanko: ToolFigures & { outputBytes: number };
  /**
   * The same seal in a child that has sealed a 1-page file first (a running worker): medians of its in-process
   * time and of its growth (peak RSS − RSS after the warm-up), and that growth ÷ input size.
   */
  signetWarm: { inProcessMs: number; sealGrowthBytes: number; growthVsFile: number };
  /**
   * time: Signet ÷ pyHanko wall time (below 1 = Signet faster); memoryVsFile: Signet's whole-process peak RSS ÷
   * input size; growthVsFile: Signet's sealGrowthBytes ÷ input size (the figure the memory target is judged on).
   */
  ratio: { time: number; memoryVsFile: number; growthVsFile: number };
};

export type SealReport = {
  level: 'B-LT';
  repeats: number;
  sizes: SealSizeResult[];
  /**
   * The target at 100 pages: ratio.time ≤ 1, and the seal's memory growth under 4 × the file
   * (ratio.growthVsFile < 4). wholeProcessUnder4xFile (ratio.memoryVsFile < 4) is shown for completeness: no
   * runtime's bare process fits in 4 × a 10 MB file.
   */
  target100Pages?: {
    noSlower: boolean;
    growthUnder4xFile: boolean;
    wholeProcessUnder4xFile: boolean;
    /** A running worker's figures: warm in-process time ≤ pyHanko's whole run, warm growth < 4 × the file. */
    warmNoSlower: boolean;
    warmGrowthUnder4xFile: boolean;
  };
  machine: { cpus: number; cpuModel: string; totalMemBytes: number; node: string; pyhanko: string; peakRss: string };
};

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

export function sizeResult(
  pages: number,
  fileBytes: number,
  signet: SealSizeResult['signet'],
  pyhanko: SealSizeResult['pyhanko'],
  warm: { inProcessMs: number; sealGrowthBytes: number },
): SealSizeResult {
  return {
    pages,
    fileBytes,
    signet,
    pyhanko,
    signetWarm: { ...warm, growthVsFile: round(warm.sealGrowthBytes / fileBytes, 2) },
    ratio: {
      time: round(signet.ms / pyhanko.ms, 3),
      memoryVsFile: round(signet.peakRssBytes / fileBytes, 2),
      growthVsFile: round(signet.sealGrowthBytes / fileBytes, 2),
    },
  };
}

export function buildSealReport(
  sizes: SealSizeResult[],
  repeats: number,
  tools: { pyhanko: string; peakRss: string },
): SealReport {
  const at100 = sizes.find((s) => s.pages === 100);
  return {
    level: 'B-LT',
    repeats,
    sizes,
    ...(at100
      ? {
          target100Pages: {
            noSlower: at100.ratio.time <= 1,
            growthUnder4xFile: at100.ratio.growthVsFile < 4,
            wholeProcessUnder4xFile: at100.ratio.memoryVsFile < 4,
            warmNoSlower: at100.signetWarm.inProcessMs <= at100.pyhanko.ms,
            warmGrowthUnder4xFile: at100.signetWarm.growthVsFile < 4,
          },
        }
      : {}),
    machine: {
      cpus: os.availableParallelism(),
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      totalMemBytes: os.totalmem(),
      node: process.version,
      ...tools,
    },
  };
}

/** Writes `bench-results/seal-<UTC timestamp>.json` (git-ignored) and returns its path. */
export async function writeSealReport(report: SealReport, now = new Date()): Promise<string> {
  const folder = path.join(REPO_ROOT, 'bench-results');
  const file = path.join(folder, `seal-${now.toISOString().replace(/[:.]/g, '-')}.json`);
  await mkdir(folder, { recursive: true });
  await writeFile(file, JSON.stringify(report, null, 2) + '\n');
  return file;
}
