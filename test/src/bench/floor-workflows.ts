// Bench-only workflow code, bundled on its own (bundleWorkflowCode with this file as workflowsPath) so the
// engine floor is measured without Signet's workflow code in the worker. Never add it to workflows/.

/** Returns at once: one workflow task, no timers, activities or messages. The cheapest possible workflow. */
export async function floorWorkflow(index: number): Promise<number> {
  return index;
}
