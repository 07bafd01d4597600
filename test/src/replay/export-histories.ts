// Records the JSON history of every scenario against the current workflow code, into
// test/replay/histories/<version>/. Run when a workflow version is released:
//   npm run histories:export -- v2
// The replay test then replays every committed history against the code on each CI run.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { recordingActivities } from '../support/fake-activities';
import { registerSearchAttributes } from '../support/search-attributes';
import { REPO_ROOT } from '../support/temporal-tools';
import { createTestWorker, startTimeSkipping } from '../support/workflow-env';
import { SCENARIOS } from './scenarios';

async function exportHistories(version: string): Promise<void> {
  const dir = path.join(REPO_ROOT, 'test/replay/histories', version);
  await mkdir(dir, { recursive: true });
  for (const scenario of SCENARIOS) {
    // One server per scenario: time skipping is global to a server.
    const env = await startTimeSkipping();
    try {
      await registerSearchAttributes(env.connection);
      const worker = await createTestWorker(env, recordingActivities());
      const running = worker.run().catch((error: unknown) => {
        process.stderr.write(`worker stopped: ${String(error)}\n`);
      });
      let ids: string[];
      try {
        ids = await scenario.run(env);
      } finally {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await running;
      }
      for (const [index, ref] of ids.entries()) {
        const [workflowId, runId] = ref.split('@') as [string, string | undefined];
        const history = await env.client.workflow.getHandle(workflowId, runId).fetchHistory();
        const file = path.join(dir, `${scenario.name}.${index}.json`);
        await writeFile(file, historyToJSON(history) + '\n');
        process.stderr.write(`wrote ${path.relative(REPO_ROOT, file)} (${history.events?.length ?? 0} events)\n`);
      }
    } finally {
      await env.teardown();
    }
  }
}

exportHistories(process.argv[2] ?? 'v1').catch((error: unknown) => {
  process.stderr.write(`export failed: ${String(error)}\n`);
  process.exitCode = 1;
});
