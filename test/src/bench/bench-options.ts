/** What one `npm run bench:lifecycle` measures. */
export type BenchOptions = {
  /** Envelopes in each envelope run, and trivial workflows in the floor run. */
  count: number;
  /** Envelopes (or floor workflows) in flight at once. */
  concurrency: number;
  /** A run that takes longer fails the benchmark. */
  runTimeoutMs: number;
};

const DEFAULT_COUNT = 1000;
// 50 keeps the worker's 40 workflow-task slots busy without queueing Updates behind a saturated client.
const DEFAULT_CONCURRENCY = 50;
const DEFAULT_RUN_TIMEOUT_MINUTES = 15;

function positiveNumber(text: string, name: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${text}"`);
  return value;
}

function positiveInteger(text: string, name: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${text}"`);
  return value;
}

// `--name value` or `--name=value`; undefined when absent.
function flag(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === `--${name}`) {
      const value = argv[i + 1];
      if (value === undefined) throw new Error(`--${name} needs a value`);
      return value;
    }
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}

/**
 * `--count N` (BENCH_COUNT), `--concurrency N` (BENCH_CONCURRENCY), `--run-timeout-minutes M`
 * (BENCH_RUN_TIMEOUT_MINUTES); flags win over the environment.
 */
export function parseBenchOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const known = new Set(['--count', '--concurrency', '--run-timeout-minutes']);
  const unknown = argv.find((arg) => arg.startsWith('--') && !known.has(arg.split('=')[0]!));
  if (unknown) throw new Error(`unknown option ${unknown} (known: ${[...known].join(', ')})`);
  const count = flag(argv, 'count') ?? env.BENCH_COUNT;
  const concurrency = flag(argv, 'concurrency') ?? env.BENCH_CONCURRENCY;
  const timeout = flag(argv, 'run-timeout-minutes') ?? env.BENCH_RUN_TIMEOUT_MINUTES;
  const minutes = timeout === undefined ? DEFAULT_RUN_TIMEOUT_MINUTES : positiveNumber(timeout, 'run-timeout-minutes');
  return {
    count: count === undefined ? DEFAULT_COUNT : positiveInteger(count, 'count'),
    concurrency: concurrency === undefined ? DEFAULT_CONCURRENCY : positiveInteger(concurrency, 'concurrency'),
    runTimeoutMs: Math.round(minutes * 60_000),
  };
}
