import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '../support/temporal-tools';

// Runs the schemathesis CLI (installed by scripts/install-schemathesis.sh) and reads its JUnit report.

export type FuzzOptions = {
  schemaUrl: string;
  baseUrl: string;
  token: string;
  reportDir: string;
  maxExamples: number;
  maxTimeSeconds: number;
  /** Operations left out, as a path regex (`--exclude-path-regex`). */
  excludePathRegex?: string;
};

export type FuzzResult = {
  exitCode: number;
  output: string;
  /** One per operation schemathesis tested. */
  testcases: number;
  /** The failure messages of the JUnit report (each names the operation and the check). */
  failures: string[];
};

function schemathesisBinary(): string {
  const file = path.join(REPO_ROOT, '.tools/schemathesis/bin/schemathesis');
  if (!existsSync(file)) {
    throw new Error(`schemathesis not found at ${file}: run \`bash scripts/install-schemathesis.sh\` (npm test does).`);
  }
  return file;
}

function run(
  file: string,
  args: string[],
  cwd: string,
  timeoutMs: number,
): Promise<{ exitCode: number; output: string }> {
  return new Promise((resolve) => {
    // cwd: schemathesis writes a `.schemathesis/` cache where it runs, which belongs in the temporary folder.
    execFile(file, args, { cwd, timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      const exitCode = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ exitCode, output: `${stdout}\n${stderr}` });
    });
  });
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Counts testcases and collects `<failure>` / `<error>` texts; a regex is enough for schemathesis's flat report. */
export function readJunit(xml: string): { testcases: number; failures: string[] } {
  const testcases = (xml.match(/<testcase\b/g) ?? []).length;
  const failures = [...xml.matchAll(/<(failure|error)\b([^>]*)>([\s\S]*?)<\/\1>|<(failure|error)\b([^>]*)\/>/g)].map(
    (match) => unescapeXml(`${match[2] ?? match[5] ?? ''} ${match[3] ?? ''}`.trim()),
  );
  return { testcases, failures };
}

/** One bounded schemathesis run whose only check is "no 5xx"; never throws for what it finds. */
export async function runSchemathesis(options: FuzzOptions): Promise<FuzzResult> {
  const junit = path.join(options.reportDir, 'junit.xml');
  const args = [
    'run',
    options.schemaUrl,
    '--url',
    options.baseUrl,
    '--checks',
    'not_a_server_error',
    '--header',
    `Authorization: Bearer ${options.token}`,
    '--max-examples',
    String(options.maxExamples),
    '--max-time',
    String(options.maxTimeSeconds),
    // One worker: with two, CPython 3.11's ast module (hypothesis describes strategies with it) is not
    // thread-safe and schemathesis reported "AST constructor recursion depth mismatch" as a runtime error.
    '--workers',
    '1',
    '--request-timeout',
    '20',
    // Fixed seed: a failure found in CI reproduces locally.
    '--seed',
    '20261101',
    '--no-shrink',
    '--report',
    'junit',
    '--report-junit-path',
    junit,
    ...(options.excludePathRegex ? ['--exclude-path-regex', options.excludePathRegex] : []),
  ];
  // A hard stop a little after schemathesis's own time budget, so a hung run cannot hold the suite.
  const { exitCode, output } = await run(
    schemathesisBinary(),
    args,
    options.reportDir,
    (options.maxTimeSeconds + 60) * 1000,
  );
  const report = existsSync(junit) ? readJunit(await readFile(junit, 'utf8')) : { testcases: 0, failures: [] };
  return { exitCode, output, ...report };
}
