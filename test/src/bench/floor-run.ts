import type { Client } from '@temporalio/client';
import { runBounded } from './bounded';
import type { floorWorkflow } from './floor-workflows';
import { perSecond } from './stats';

export type FloorRunResult = { workflowsPerSecond: number; durationMs: number };

export type FloorRunOptions = { taskQueue: string; runId: string; count: number; concurrency: number };

/** Starts `count` trivial workflows, `concurrency` at a time, each awaited to its result. */
export async function runFloor(client: Client, options: FloorRunOptions): Promise<FloorRunResult> {
  const started = performance.now();
  await runBounded(options.count, options.concurrency, async (index) => {
    const result = await client.workflow.execute<typeof floorWorkflow>('floorWorkflow', {
      args: [index],
      workflowId: `bench-floor-${options.runId}-${index}`,
      taskQueue: options.taskQueue,
    });
    if (result !== index) throw new Error(`floor workflow ${index} returned ${result}`);
  });
  const durationMs = Math.round(performance.now() - started);
  return { workflowsPerSecond: perSecond(options.count, durationMs), durationMs };
}
