import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startStack } from '../support/stack';
import { REPO_ROOT } from '../support/temporal-tools';
import type { Stack } from '../support/stack';
import { runSchemathesis } from './schemathesis';

// schemathesis against the real stack (Temporal dev server, worker, MailDev, API on a free port), driven by
// the OpenAPI document the API serves, with the operator token. The one check: no answer is a 5xx.
// Bounded so the run stays under about two minutes on two cores; SIGNET_FUZZ_MAX_EXAMPLES raises the count
// for a longer local run.

const MAX_EXAMPLES = Number(process.env.SIGNET_FUZZ_MAX_EXAMPLES ?? 8);
/** schemathesis keeps fuzzing until this budget is spent, so it is also the run's length. */
const MAX_TIME_SECONDS = 75;
/** The whole output, for reading after a red run (CI keeps test/artifacts). */
const LOG_FILE = path.join(REPO_ROOT, 'test/artifacts/schemathesis.log');

let stack: Stack;
let reportDir: string;

beforeAll(async () => {
  stack = await startStack();
  reportDir = await mkdtemp(path.join(os.tmpdir(), 'signet-fuzz-'));
});

afterAll(async () => {
  await stack?.stop();
  await rm(reportDir, { recursive: true, force: true });
});

test('schemathesis finds no 5xx in any operation of the OpenAPI document', async () => {
  const result = await runSchemathesis({
    schemaUrl: `${stack.apiUrl}/api/docs/openapi.json`,
    baseUrl: stack.apiUrl,
    token: stack.config.api.token!,
    reportDir,
    maxExamples: MAX_EXAMPLES,
    maxTimeSeconds: MAX_TIME_SECONDS,
  });
  await mkdir(path.dirname(LOG_FILE), { recursive: true });
  await writeFile(LOG_FILE, result.output);
  // The failures and the tail of the output first, so a red run says what schemathesis found.
  expect({
    failures: result.failures,
    exitCode: result.exitCode,
    tail: result.exitCode === 0 ? '' : result.output.slice(-6000),
  }).toEqual({
    failures: [],
    exitCode: 0,
    tail: '',
  });
  // It really tested the document: every operation (the stack has a database, so API keys, templates, webhooks
  // and bulk sends are in).
  const document = (await (await fetch(`${stack.apiUrl}/api/docs/openapi.json`)).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  const operations = Object.values(document.paths).flatMap((item) => Object.keys(item)).length;
  expect(operations).toBeGreaterThan(40);
  expect(result.testcases).toBeGreaterThanOrEqual(operations);
}, 300_000);
