import { TestWorkflowEnvironment } from '@temporalio/testing';
import { SIGNET_SEARCH_ATTRIBUTE_KEYS } from '@signet/workflows';
import { temporalTool } from './temporal-tools';

/**
 * A Temporal CLI dev server from the project's own build (`.tools/bin/temporal`; a missing binary fails with
 * the command that installs it), with Signet's search attributes registered at start. Its SQLite file is
 * throwaway, so WAL without fsync: durability across a power cut buys nothing here, and fsync would
 * otherwise dominate on a small disk. `extraArgs` go after these (the benchmark adds `--output none`).
 */
export async function startDevServer(extraArgs: string[] = []): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: temporalTool('cli') },
      searchAttributes: SIGNET_SEARCH_ATTRIBUTE_KEYS,
      extraArgs: ['--sqlite-pragma', 'journal_mode=WAL', '--sqlite-pragma', 'synchronous=OFF', ...extraArgs],
    },
  });
}
