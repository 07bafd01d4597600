import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '@signet/api';
import { createLocalLibrary } from '@signet/shared/node';
import { makePdf } from '../support/pdf-fixtures';
import { startStack } from '../support/stack';
import type { Stack } from '../support/stack';
import { REPO_ROOT } from '../support/temporal-tools';
import type { ApiLoadJob, ApiLoadResult } from './api-load-child';
import { installQuietRuntime } from './quiet-runtime';

// `npm run bench:api [-- --envelopes 50 --seconds 10 --connections 20]`: envelope status reads and lists against the
// running API (the real stack: Temporal dev server, worker, API) under autocannon, with the API's own floor
// (`/healthz`, no Temporal call) measured in the same run. Lists are measured twice: from the read model (the
// stack's API, which has its database) and from Temporal visibility (a second API on the same stack without a
// database, the pre-read-model path), so before and after come from one run. JSON on stdout, progress on stderr.
// docs/benchmarks.md.

const run = promisify(execFile);
const log = (message: string): void => void process.stderr.write(`[bench-api] ${message}\n`);
const CHILD = path.join(__dirname, 'api-load-child.js');

type Options = { envelopes: number; seconds: number; connections: number };

function option(argv: string[], name: string, fallback: number): number {
  const index = argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

/** Sends `count` envelopes (one PDF upload each, two sequential signers) so reads and lists have real data. */
async function seed(stack: Stack, count: number): Promise<string[]> {
  const pdf = await makePdf(1, 'Benchmark agreement');
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const form = new FormData();
    const envelope = {
      subject: `Benchmark agreement ${i}`,
      sender: { email: 'sender@example.com', name: 'Bench Sender' },
      recipients: [
        { email: `a${i}@example.com`, name: 'Signer A', role: 'SIGNER', routingOrder: 1 },
        { email: `b${i}@example.com`, name: 'Signer B', role: 'SIGNER', routingOrder: 2 },
      ],
    };
    form.append('envelope', JSON.stringify(envelope));
    form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), `agreement-${i}.pdf`);
    const response = await stack.api('/api/v1/envelopes/upload', { method: 'POST', body: form });
    if (response.status !== 201) throw new Error(`seeding failed: ${response.status} ${await response.text()}`);
    ids.push(((await response.json()) as { envelopeId: string }).envelopeId);
  }
  return ids;
}

async function load(stack: Stack, paths: string[], options: Options, url = stack.apiUrl): Promise<ApiLoadResult> {
  const job: ApiLoadJob = {
    url,
    paths,
    token: stack.config.api.token!,
    connections: options.connections,
    durationSeconds: options.seconds,
  };
  const { stdout } = await run(process.execPath, [CHILD, JSON.stringify(job)], { maxBuffer: 1 << 20 });
  const result = JSON.parse(stdout) as ApiLoadResult;
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${paths[0]}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
  }
  return result;
}

/** A second API on the same stack without a database: its lists come from Temporal visibility (the old path). */
async function startVisibilityApi(stack: Stack): Promise<{ app: FastifyInstance; url: string }> {
  const app = buildApp({
    client: stack.env.client,
    namespace: stack.env.namespace ?? 'default',
    library: createLocalLibrary(stack.config.library),
    config: stack.config,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

async function waitForList(stack: Stack, url: string, count: number): Promise<void> {
  const headers = { authorization: `Bearer ${stack.config.api.token}` };
  for (let attempt = 0; attempt < 150; attempt += 1) {
    const list = (await (await fetch(`${url}/api/v1/envelopes?pageSize=100`, { headers })).json()) as {
      items: unknown[];
    };
    if (list.items.length >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url}: the list never showed all ${count} envelopes`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const options: Options = {
    envelopes: option(argv, 'envelopes', 50),
    seconds: option(argv, 'seconds', 10),
    connections: option(argv, 'connections', 20),
  };
  installQuietRuntime(); // Temporal core logs would otherwise land on stdout, which belongs to the JSON result
  const stack = await startStack({}, { devServerArgs: ['--output', 'none'] });
  try {
    log(`seeding ${options.envelopes} envelopes`);
    const ids = await seed(stack, options.envelopes);
    const visibility = await startVisibilityApi(stack);
    // The read model and visibility are both eventually consistent: wait until each list shows every envelope.
    for (const url of [stack.apiUrl, visibility.url]) await waitForList(stack, url, ids.length);
    log('floor: GET /healthz');
    const floor = await load(stack, ['/healthz'], options);
    log('status reads: GET /api/v1/envelopes/:id');
    const status = await load(
      stack,
      ids.map((id) => `/api/v1/envelopes/${id}`),
      options,
    );
    log('lists: GET /api/v1/envelopes?pageSize=20');
    const list = await load(
      stack,
      ['/api/v1/envelopes?pageSize=20', '/api/v1/envelopes?status=PENDING&pageSize=20'],
      options,
    );
    log('text search: GET /api/v1/envelopes?q=…&pageSize=20');
    const listSearch = await load(
      stack,
      ['/api/v1/envelopes?q=signer%20b&pageSize=20', '/api/v1/envelopes?q=agreement-1&pageSize=20'],
      options,
    );
    log('lists from Temporal visibility (no database): GET /api/v1/envelopes?pageSize=20');
    const listVisibility = await load(
      stack,
      ['/api/v1/envelopes?pageSize=20', '/api/v1/envelopes?status=PENDING&pageSize=20'],
      options,
      visibility.url,
    );
    await visibility.app.close();
    const ratio = (a: ApiLoadResult, b: ApiLoadResult): number =>
      Number((a.requestsPerSecond / b.requestsPerSecond).toFixed(3));
    const report = {
      options,
      runs: { floor, status, list, listSearch, listVisibility },
      ratios: {
        statusVsFloor: ratio(status, floor),
        listVsFloor: ratio(list, floor),
        listSearchVsFloor: ratio(listSearch, floor),
        listVisibilityVsFloor: ratio(listVisibility, floor),
        listVsListVisibility: ratio(list, listVisibility),
      },
      machine: { cpus: os.availableParallelism(), cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version },
    };
    const folder = path.join(REPO_ROOT, 'bench-results');
    await mkdir(folder, { recursive: true });
    const file = path.join(folder, `api-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    await writeFile(file, JSON.stringify(report, null, 2) + '\n');
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    log(`written to ${file}`);
  } finally {
    ignoreRetriesAfterTeardown();
    await stack.stop();
  }
}

/**
 * Under the visibility load the Temporal client retries throttled list calls with backoff; a retry can still be
 * due after the load ended and the stack stopped, and then throws "Channel has been shut down" from a timer.
 * That is the end of a finished run, not a failure of it: noted on stderr, the result stands. Anything else
 * still fails the run.
 */
function ignoreRetriesAfterTeardown(): void {
  process.on('uncaughtException', (error) => {
    if (error instanceof Error && error.message === 'Channel has been shut down') {
      log('teardown: a Temporal client retry outlived the stack (ignored)');
      return;
    }
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  });
}

main().catch((error: unknown) => {
  log(`failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
