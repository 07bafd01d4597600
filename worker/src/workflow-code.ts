import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from '@signet/shared/node';
import { WORKFLOW_BUNDLE_PATH, WORKFLOWS_PATH } from './workflows-path';

/** The workflow half of `Worker.create` options. */
export type WorkflowCode = { workflowBundle: { codePath: string } } | { workflowsPath: string };

async function newestJsMtime(folder: string, depth = 0): Promise<number> {
  if (depth > 8) return 0;
  let newest = 0;
  for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, await newestJsMtime(full, depth + 1));
    else if (entry.name.endsWith('.js')) newest = Math.max(newest, (await fs.stat(full)).mtimeMs);
  }
  return newest;
}

/**
 * Uses the prebuilt bundle (fast start, and the exact code CI checked) when it exists and is newer than
 * the compiled workflow code it was made from; otherwise bundles `WORKFLOWS_PATH` at start-up, so a
 * forgotten `bundle:workflows` after a change can never run stale workflow code.
 */
export async function resolveWorkflowCode(
  logger: Logger,
  bundlePath: string = WORKFLOW_BUNDLE_PATH,
): Promise<WorkflowCode> {
  const bundled = await fs.stat(bundlePath).then(
    (stats) => stats.mtimeMs,
    () => undefined,
  );
  if (bundled === undefined) return { workflowsPath: WORKFLOWS_PATH };
  const sources = [path.dirname(WORKFLOWS_PATH), path.dirname(require.resolve('@signet/shared'))];
  const newestSource = Math.max(...(await Promise.all(sources.map((folder) => newestJsMtime(folder)))));
  if (newestSource > bundled) {
    logger.warn('workflow bundle is older than the workflow code; bundling from source', { bundlePath });
    return { workflowsPath: WORKFLOWS_PATH };
  }
  return { workflowBundle: { codePath: bundlePath } };
}
