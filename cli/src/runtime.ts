import { promises as fs } from 'node:fs';

/**
 * Everything the CLI touches outside itself. `main` builds the real one; tests pass fakes, so no
 * command reads process state directly.
 */
export type CliRuntime = {
  env: NodeJS.ProcessEnv;
  fetch: typeof fetch;
  readFile: (path: string) => Promise<Buffer>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Epoch milliseconds. */
  now: () => number;
};

export function createProcessRuntime(): CliRuntime {
  return {
    env: process.env,
    fetch: globalThis.fetch,
    readFile: (path) => fs.readFile(path),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    now: Date.now,
  };
}
