import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { recordingActivities } from './fake-activities';
import type { RecordedActivities } from './fake-activities';
import { registerSearchAttributes } from './search-attributes';
import { createTestWorker, startTimeSkipping } from './workflow-env';

/** What a workflow test reads: the server (time, client) and what the workflow asked of its activities. */
export type WorkflowSuite = { env: TestWorkflowEnvironment; activities: RecordedActivities };

/**
 * Registers the Jest hooks of a workflow test file: a time-skipping server with Signet's search attributes
 * and a worker running the real workflow bundle with recording activities. `perTest` gives every test its
 * own server (needed where a test sleeps after an earlier test closed a workflow: see closedResult()).
 */
export function useWorkflowSuite(options: { perTest?: boolean } = {}): WorkflowSuite {
  const suite = {} as WorkflowSuite;
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  const setUp = async () => {
    suite.env = await startTimeSkipping();
    await registerSearchAttributes(suite.env.connection);
    suite.activities = recordingActivities();
    worker = await createTestWorker(suite.env, suite.activities);
    running = worker.run();
  };
  const tearDown = async () => {
    worker?.shutdown();
    await running;
    await suite.env?.teardown();
  };
  if (options.perTest) {
    beforeEach(setUp);
    afterEach(tearDown);
  } else {
    beforeAll(setUp);
    afterAll(tearDown);
    beforeEach(() => {
      suite.activities.mails.length = 0;
      suite.activities.calls.length = 0;
    });
  }
  return suite;
}
