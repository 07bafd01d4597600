import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { silentLogger } from './testing/fixtures';
import { resolveWorkflowCode } from './workflow-code';
import { WORKFLOWS_PATH } from './workflows-path';

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'signet-bundle-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('resolveWorkflowCode', () => {
  it('bundles from source when there is no prebuilt bundle', async () => {
    await expect(resolveWorkflowCode(silentLogger, path.join(tmp, 'missing.js'))).resolves.toEqual({
      workflowsPath: WORKFLOWS_PATH,
    });
  });

  it('uses a prebuilt bundle newer than the workflow code', async () => {
    const bundle = path.join(tmp, 'workflow-bundle.js');
    await fs.writeFile(bundle, '// bundle');
    const future = new Date(Date.now() + 60_000);
    await fs.utimes(bundle, future, future);
    await expect(resolveWorkflowCode(silentLogger, bundle)).resolves.toEqual({ workflowBundle: { codePath: bundle } });
  });

  it('ignores a bundle older than the workflow code', async () => {
    const bundle = path.join(tmp, 'workflow-bundle.js');
    await fs.writeFile(bundle, '// stale');
    await fs.utimes(bundle, new Date('2000-01-01'), new Date('2000-01-01'));
    await expect(resolveWorkflowCode(silentLogger, bundle)).resolves.toEqual({ workflowsPath: WORKFLOWS_PATH });
  });
});
