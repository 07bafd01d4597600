import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * Paths of the Temporal binaries that scripts/install-temporal.sh builds. A missing binary fails the
 * suite with the command that installs it: tests never skip because a server is absent.
 */
export function temporalTool(tool: 'cli' | 'test-server'): string {
  const envPath = tool === 'cli' ? process.env.TEMPORAL_CLI_PATH : process.env.TEMPORAL_TEST_SERVER_PATH;
  const file = envPath ?? path.join(ROOT, '.tools', tool === 'cli' ? 'bin/temporal' : 'tts/bin/temporal-test-server');
  if (!existsSync(file)) {
    throw new Error(
      `Temporal ${tool} not found at ${file}: run \`bash scripts/install-temporal.sh\` (npm test does this).`,
    );
  }
  return file;
}

export const REPO_ROOT = ROOT;
