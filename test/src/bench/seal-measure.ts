import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export type ChildRun = { wallMs: number; stdout: string; stderr: string; peakRssBytes?: number };

const TIME = '/usr/bin/time';
/** Whether GNU time is there to report a child's peak RSS; otherwise VmHWM is polled from /proc. */
export const hasGnuTime = existsSync(TIME);

function vmHwmBytes(pid: number): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0; // the process has just exited
  }
}

/**
 * Runs `command` to completion with a wall clock around the whole child process (start-up included). With
 * `measureRss`, its peak RSS comes from `/usr/bin/time -v` when present, else from VmHWM polled every 10 ms.
 * Fails on a non-zero exit, or when `timeoutMs` pass first (the child is killed).
 */
export function runChild(command: string, args: string[], timeoutMs: number, measureRss = false): Promise<ChildRun> {
  const wrapped = measureRss && hasGnuTime;
  const [file, argv] = wrapped ? [TIME, ['-v', command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let polledRss = 0;
    child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    const poll =
      measureRss && !wrapped && child.pid !== undefined
        ? setInterval(() => (polledRss = Math.max(polledRss, vmHwmBytes(child.pid!))), 10)
        : undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - started;
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      if (code !== 0) {
        const why = signal === 'SIGKILL' ? `timed out after ${timeoutMs / 1000} s` : `exited ${code ?? signal}`;
        reject(new Error(`${command} ${why}: ${stderr.trim().split('\n').slice(-5).join(' | ')}`));
        return;
      }
      let peakRssBytes: number | undefined;
      if (wrapped) {
        const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
        if (!match) return reject(new Error(`no peak RSS in the output of ${TIME} -v`));
        peakRssBytes = Number(match[1]) * 1024;
      } else if (measureRss) {
        peakRssBytes = polledRss;
      }
      resolve({ wallMs, stdout, stderr, peakRssBytes });
    });
  });
}

/** The median of an odd or even number of values (mean of the middle two). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
