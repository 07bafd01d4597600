import autocannon from 'autocannon';

// The load generator of bench:api in its own process (so it never shares an event loop with the API it measures):
// autocannon against one base URL, cycling through the given paths with the sender's bearer token. Started by
// bench-api.ts with a JSON job as its only argument; prints an ApiLoadResult on stdout.

export type ApiLoadJob = { url: string; paths: string[]; token: string; connections: number; durationSeconds: number };
export type ApiLoadResult = {
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  /** Responses that were not 2xx, and connection errors and timeouts: a run with either is not a valid figure. */
  non2xx: number;
  errors: number;
};

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '') as ApiLoadJob;
  let next = 0;
  const result = await autocannon({
    url: job.url,
    connections: job.connections,
    duration: job.durationSeconds,
    headers: { authorization: `Bearer ${job.token}` },
    requests: [
      {
        setupRequest: (request) => {
          const path = job.paths[next % job.paths.length]!;
          next += 1;
          return { ...request, path };
        },
      },
    ],
  });
  const summary: ApiLoadResult = {
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average * 10) / 10,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
  process.stdout.write(JSON.stringify(summary) + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[bench-api child] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
