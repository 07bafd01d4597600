import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from '@temporalio/common';
import { bundleWorkflowCode } from '@temporalio/worker';
import { WORKFLOW_BUNDLE_PATH, WORKFLOWS_PATH } from '../workflows-path';

export type BundleWorkflowsOptions = { workflowsPath?: string; outputPath?: string; logger?: Logger };

/**
 * Bundles the workflow code the way the worker does and writes it to `worker/dist/workflow-bundle.js`.
 * Run in CI (`npm run bundle:workflows`): the bundler's disallowed-module check fails the build on a Node
 * import in workflow code, instead of the deployed worker crash-looping.
 */
export async function bundleWorkflows(options: BundleWorkflowsOptions = {}): Promise<string> {
  const outputPath = options.outputPath ?? WORKFLOW_BUNDLE_PATH;
  const { code } = await bundleWorkflowCode({
    workflowsPath: options.workflowsPath ?? WORKFLOWS_PATH,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  await fs.mkdir(path.dirname(outputPath), { recursive: true });
  await fs.writeFile(outputPath, code);
  return outputPath;
}

if (require.main === module) {
  bundleWorkflows().then(
    (written) => process.stdout.write(`workflow bundle written to ${written}\n`),
    (error: unknown) => {
      process.stderr.write(
        `workflow bundle failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
