import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { startDevServer } from '../support/dev-server';
import { temporalTool } from '../support/temporal-tools';
import { workflowBundle } from '../support/workflow-env';
import type { BenchOptions } from './bench-options';
import { parseBenchOptions } from './bench-options';
import { benchEnvelopeInput } from './bench-envelope-input';
import type { LifecycleReport } from './bench-report';
import { buildReport, writeReport } from './bench-report';
import { withDeadline } from './bounded';
import { runEnvelopes } from './envelope-run';
import { runFloor } from './floor-run';
import { noopActivities } from './noop-activities';
import { installQuietRuntime } from './quiet-runtime';
import { runOnWorker } from './run-on-worker';
import { startSignetDeps } from './signet-deps';

// `npm run bench:lifecycle [-- --count N --concurrency N --run-timeout-minutes M]`: envelope lifecycles per
// second on one dev server, for Signet and two baselines. JSON result on stdout, progress and logs on stderr.
// See docs/benchmarks.md.

const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

type Phase = { env: TestWorkflowEnvironment; options: BenchOptions; signal: AbortSignal };

/**
 * Runs one measurement, failing it after the run time-out or on Ctrl-C. On failure its Temporal client
 * calls are cancelled and awaited, so none is still retrying when the server is torn down; the caller's
 * runOnWorker then stops the run's worker.
 */
async function timed<T>(phase: Phase, label: string, run: () => Promise<T>): Promise<T> {
  log(`${label}: ${phase.options.count} lifecycles, ${phase.options.concurrency} at a time`);
  const cancel = new AbortController();
  const work = phase.env.client.withAbortSignal(cancel.signal, run);
  try {
    const result = await withDeadline(work, phase.options.runTimeoutMs, `the ${label} run`, phase.signal);
    log(`${label}: ${JSON.stringify(result)}`);
    return result;
  } catch (error) {
    cancel.abort(error);
    await work.catch(() => undefined);
    throw error;
  }
}

async function measure(phase: Phase): Promise<LifecycleReport> {
  const { env, options } = phase;
  const connection = env.nativeConnection;
  const envelopeCode = await workflowBundle();
  // The floor's workflow is bundled alone, so that worker loads none of Signet's workflow code.
  const floorCode = await bundleWorkflowCode({
    workflowsPath: require.resolve('./floor-workflows'),
    logger: new DefaultLogger('WARN'),
  });
  const envelopeRun = (runId: string) => ({
    taskQueue: `bench-${runId}`,
    concurrency: options.concurrency,
    inputs: Array.from({ length: options.count }, (_, i) => benchEnvelopeInput(runId, i)),
  });

  // Baselines first: the server's SQLite file only grows, so Signet runs on the fullest database and the
  // ratios err against Signet rather than for it.
  const floor = await runOnWorker({ connection, taskQueue: 'bench-floor', workflowBundle: floorCode }, () =>
    timed(phase, 'floor', () =>
      runFloor(env.client, {
        taskQueue: 'bench-floor',
        runId: 'floor',
        count: options.count,
        concurrency: options.concurrency,
      }),
    ),
  );
  const shapeRun = envelopeRun('shape');
  const shape = await runOnWorker(
    { connection, taskQueue: shapeRun.taskQueue, workflowBundle: envelopeCode, activities: noopActivities() },
    () => timed(phase, 'shape', () => runEnvelopes(env.client, shapeRun)),
  );
  const deps = await startSignetDeps(env.address, options.count);
  try {
    const signetRun = envelopeRun('signet');
    const signet = await runOnWorker(
      { connection, taskQueue: signetRun.taskQueue, workflowBundle: envelopeCode, activities: deps.activities },
      () => timed(phase, 'signet', () => runEnvelopes(env.client, signetRun)),
    );
    await deps.verify(options.count);
    return buildReport(options.count, { signet, shape, floor });
  } finally {
    await deps.close();
  }
}

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2), process.env);
  const abort = new AbortController();
  const interrupt = (signal: NodeJS.Signals) => abort.abort(signal);
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  // The binary first: the SDK runtime, once installed, only lets the process exit after its last
  // connection closes, so a missing server must fail before it exists.
  temporalTool('cli');
  installQuietRuntime();
  log('starting the Temporal dev server');
  // The dev server inherits this process's stdout, which belongs to the JSON result: no start-up banner.
  const env = await startDevServer(['--output', 'none']);
  let report: LifecycleReport;
  try {
    report = await measure({ env, options, signal: abort.signal });
  } finally {
    await env.teardown();
  }
  const file = await writeReport(report);
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  log(`written to ${file}`);
}

// Everything is closed by now; a handle still open after this grace is a bug, and must not hang the run.
function exitSoon(code: number): void {
  process.exitCode = code;
  setTimeout(() => {
    log('an open handle kept the process alive after shutdown; exiting');
    process.exit(code);
  }, 15_000).unref();
}

main().then(
  () => exitSoon(0),
  (error: unknown) => {
    const detail = error instanceof Error && process.env.BENCH_DEBUG ? error.stack : String(error);
    log(`failed: ${detail}${process.env.BENCH_DEBUG ? '' : ' (BENCH_DEBUG=1 shows the stack)'}`);
    exitSoon(1);
  },
);
