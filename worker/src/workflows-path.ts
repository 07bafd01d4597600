import path from 'node:path';

/** Entry of the workflow code (every workflow type), resolved through the workflows package's exports map. */
export const WORKFLOWS_PATH = require.resolve('@signet/workflows/workflows');

/** Where `scripts/bundle-workflows.ts` writes the prebuilt bundle: `worker/dist/workflow-bundle.js`. */
export const WORKFLOW_BUNDLE_PATH = path.resolve(__dirname, 'workflow-bundle.js');
