import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { quietTemporalLogger } from '../testing/fixtures';
import { bundleWorkflows } from './bundle-workflows';

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'signet-bundle-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

// Bundling runs webpack: seconds, not milliseconds.
const BUNDLE_TIMEOUT_MS = 120_000;

describe('bundleWorkflows', () => {
  it(
    'bundles the real workflow code',
    async () => {
      const outputPath = path.join(tmp, 'workflow-bundle.js');
      await bundleWorkflows({ outputPath, logger: quietTemporalLogger });
      const code = await fs.readFile(outputPath, 'utf8');
      expect(code).toContain('envelopeWorkflow');
      expect(code).toContain('retentionWorkflow');
    },
    BUNDLE_TIMEOUT_MS,
  );

  it(
    'fails, writing nothing, when workflow code imports a Node module',
    async () => {
      const workflowsPath = path.join(tmp, 'bad-workflows.js');
      await fs.writeFile(
        workflowsPath,
        "const fs = require('fs');\nexports.badWorkflow = async () => fs.readFileSync('/etc/hostname', 'utf8');\n",
      );
      // Outside the repository the bundler must still find @temporalio/workflow.
      await fs.symlink(
        path.resolve(require.resolve('@temporalio/workflow/package.json'), '..', '..', '..'),
        path.join(tmp, 'node_modules'),
      );
      const outputPath = path.join(tmp, 'workflow-bundle.js');
      await expect(bundleWorkflows({ workflowsPath, outputPath, logger: quietTemporalLogger })).rejects.toThrow(
        /disallowed modules:\s+- 'fs'/,
      );
      await expect(fs.access(outputPath)).rejects.toThrow();
    },
    BUNDLE_TIMEOUT_MS,
  );
});
