import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { Runtime, DefaultLogger } from '@temporalio/worker';
import type { SigningActivities } from '@signet/workflows';
import { TASK_QUEUE } from '@signet/shared';
import { temporalTool } from './temporal-tools';

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** Bundles the real workflow code once per test file (the same bundler the worker uses). */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({
    workflowsPath: require.resolve('@signet/workflows/workflows'),
    logger: new DefaultLogger('WARN'),
  });
  return bundle;
}

let runtimeInstalled = false;
function quietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger('WARN') });
}

/** The Java time-skipping test server, started from the project's own install. */
export async function startTimeSkipping(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTool('test-server') } },
  });
}

/** A worker on the test environment with the given activities (fakes in workflow tests, real ones in e2e). */
export async function createTestWorker(
  env: TestWorkflowEnvironment,
  activities: SigningActivities,
  taskQueue = TASK_QUEUE,
): Promise<Worker> {
  return Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities,
  });
}
