import type { NativeConnection, WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { Worker } from '@temporalio/worker';

export type BenchWorkerOptions = {
  connection: NativeConnection;
  taskQueue: string;
  workflowBundle: WorkflowBundleWithSourceMap;
  activities?: object;
};

/**
 * Runs `run` while a worker with default tuning polls `taskQueue`, then shuts the worker down, also when
 * `run` fails. Every run gets the same defaults (the production worker's), so they differ only in code.
 */
export async function runOnWorker<T>(options: BenchWorkerOptions, run: () => Promise<T>): Promise<T> {
  const worker = await Worker.create({
    connection: options.connection,
    namespace: 'default',
    taskQueue: options.taskQueue,
    workflowBundle: options.workflowBundle,
    ...(options.activities ? { activities: options.activities } : {}),
    // A failed run leaves work in flight; shutdown must still end.
    shutdownForceTime: '30 seconds',
  });
  return worker.runUntil(run);
}
