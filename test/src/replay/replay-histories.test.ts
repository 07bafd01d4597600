import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { REPO_ROOT } from '../support/temporal-tools';
import { workflowBundle } from '../support/workflow-env';

// Every committed history of every released workflow version must replay against today's code without a
// determinism error. A change that alters the command sequence of running envelopes needs a patched() gate.

const ROOT = path.join(REPO_ROOT, 'test/replay/histories');

async function loadHistories(): Promise<Array<{ workflowId: string; history: unknown }>> {
  const histories: Array<{ workflowId: string; history: unknown }> = [];
  for (const version of await readdir(ROOT)) {
    for (const file of (await readdir(path.join(ROOT, version))).filter((f) => f.endsWith('.json'))) {
      histories.push({
        workflowId: `${version}/${file}`,
        history: JSON.parse(await readFile(path.join(ROOT, version, file), 'utf8')),
      });
    }
  }
  return histories;
}

describe('replay of committed workflow histories', () => {
  it('replays every history without a determinism error', async () => {
    const histories = await loadHistories();
    expect(histories.length).toBeGreaterThanOrEqual(7);
    const failures: string[] = [];
    let replayed = 0;
    for await (const result of Worker.runReplayHistories({ workflowBundle: await workflowBundle() }, histories)) {
      replayed += 1;
      if (result.error) failures.push(`${result.workflowId}: ${String(result.error)}`);
    }
    expect(failures).toEqual([]);
    expect(replayed).toBe(histories.length);
  });

  it('detects a history that does not match the code', async () => {
    const [first] = await loadHistories();
    const history = structuredClone(first!.history) as { events: Array<Record<string, unknown>> };
    // Drop the first scheduled activity: the code will issue a command the history does not have.
    const index = history.events.findIndex(
      (e) => e.eventType === 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED' || 'activityTaskScheduledEventAttributes' in e,
    );
    expect(index).toBeGreaterThan(0);
    history.events.splice(index, 1);
    const results = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle: await workflowBundle() }, [
      { workflowId: 'tampered', history },
    ]))
      results.push(result);
    expect(results[0]?.error).toBeDefined();
  });
});
