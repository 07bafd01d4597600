import { ApplicationFailure } from '@temporalio/common';
import { WorkflowFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { TBulkSendBatchResult } from '@signet/shared';
import { AppErrorCode, BULK_SEND_WORKFLOW_TYPE, bulkSendWorkflowId } from '@signet/shared';
import type { BulkSendActivities, BulkSendProgress, StartBulkSendBatchInput } from '@signet/workflows';
import { bulkSendProgressQuery } from '@signet/workflows';
import { startTimeSkipping, workflowBundle } from '../support/workflow-env';

// bulkSendWorkflow on the time-skipping test server with a recording startBulkSendBatch activity.

const QUEUE = 'bulk-send-workflow-test';
let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await startTimeSkipping();
}, 120_000);

afterAll(async () => {
  await env?.teardown();
});

async function run(
  activity: (input: StartBulkSendBatchInput) => Promise<TBulkSendBatchResult>,
  input: { bulkId: string; total: number; batchSize: number },
  during?: (workflowId: string) => Promise<void>,
): Promise<BulkSendProgress> {
  const activities: BulkSendActivities = { startBulkSendBatch: activity };
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue: QUEUE,
    workflowBundle: await workflowBundle(),
    activities,
  });
  return worker.runUntil(async () => {
    const handle = await env.client.workflow.start(BULK_SEND_WORKFLOW_TYPE, {
      workflowId: bulkSendWorkflowId(input.bulkId),
      taskQueue: QUEUE,
      args: [input],
    });
    if (during) await during(handle.workflowId);
    return (await handle.result()) as BulkSendProgress;
  });
}

describe('bulkSendWorkflow', () => {
  it('works through the rows in batches and adds up what each batch reports', async () => {
    const calls: StartBulkSendBatchInput[] = [];
    const result = await run(
      async (input) => {
        calls.push(input);
        return input.from === 10 ? { started: input.count - 2, failed: 2 } : { started: input.count, failed: 0 };
      },
      { bulkId: 'bulk-batches', total: 23, batchSize: 10 },
    );
    expect(calls).toEqual([
      { bulkId: 'bulk-batches', from: 0, count: 10 },
      { bulkId: 'bulk-batches', from: 10, count: 10 },
      { bulkId: 'bulk-batches', from: 20, count: 3 },
    ]);
    expect(result).toEqual({ bulkId: 'bulk-batches', total: 23, processed: 23, started: 21, failed: 2 });
  });

  it('answers the progress query while it runs', async () => {
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    let seen: BulkSendProgress | undefined;
    await run(
      async (input) => {
        if (input.from === 5) await blocked;
        return { started: input.count, failed: 0 };
      },
      { bulkId: 'bulk-progress', total: 12, batchSize: 5 },
      async (workflowId) => {
        const handle = env.client.workflow.getHandle(workflowId);
        for (let i = 0; i < 200; i += 1) {
          seen = await handle.query(bulkSendProgressQuery);
          if (seen.processed === 5) break;
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        release();
      },
    );
    expect(seen).toEqual({ bulkId: 'bulk-progress', total: 12, processed: 5, started: 5, failed: 0 });
  });

  it('retries a batch that failed for a transient reason, counting it once', async () => {
    let attempts = 0;
    const result = await run(
      async (input) => {
        attempts += 1;
        if (attempts === 1) throw ApplicationFailure.retryable('API down', AppErrorCode.API_UNAVAILABLE);
        return { started: input.count, failed: 0 };
      },
      { bulkId: 'bulk-retry', total: 4, batchSize: 10 },
    );
    expect(attempts).toBe(2);
    expect(result).toMatchObject({ processed: 4, started: 4, failed: 0 });
  });

  it('fails at once when the bulk send does not exist (BULK_SEND_NOT_FOUND is not retried)', async () => {
    let attempts = 0;
    const outcome = run(
      async () => {
        attempts += 1;
        throw ApplicationFailure.create({ message: 'no bulk send', type: AppErrorCode.BULK_SEND_NOT_FOUND });
      },
      { bulkId: 'bulk-missing', total: 3, batchSize: 10 },
    );
    await expect(outcome).rejects.toBeInstanceOf(WorkflowFailedError);
    expect(attempts).toBe(1);
  });
});
