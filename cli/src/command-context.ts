import type { ApiClient } from './api-client';
import { createApiClient } from './api-client';
import { resolveApiSettings } from './api-settings';
import type { CliRuntime } from './runtime';

/** What every command gets: the runtime, a lazily configured API client, and one way to print results. */
export type CommandContext = {
  runtime: CliRuntime;
  /** Resolved on first use, so local validation errors come before "no API token". */
  api: () => Promise<ApiClient>;
  /** Prints `value` as JSON with `--json`, otherwise the human text. */
  print: (options: { json?: boolean }, value: unknown, human: () => string) => void;
};

export function createCommandContext(runtime: CliRuntime): CommandContext {
  let client: Promise<ApiClient> | undefined;
  return {
    runtime,
    api: () => (client ??= resolveApiSettings(runtime).then((settings) => createApiClient(settings, runtime))),
    print: (options, value, human) => runtime.stdout(`${options.json ? JSON.stringify(value, null, 2) : human()}\n`),
  };
}
