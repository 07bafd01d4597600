import { randomBytes } from 'node:crypto';
import type { SignetConfig } from '@signet/shared/node';
import { loadConfig } from '@signet/shared/node';

export type StackConfigInput = {
  dataDir: string;
  temporalAddress: string;
  smtpPort: number;
  apiPort: number;
  /** Further SIGNET_* variables, applied last. */
  overrides?: Record<string, string>;
};

/** The configuration of an in-process stack: fresh secrets, a private data folder, local ports. */
export function stackConfig(input: StackConfigInput): SignetConfig {
  return loadConfig({
    SIGNET_DATA_DIR: input.dataDir,
    TEMPORAL_ADDRESS: input.temporalAddress,
    SIGNET_SMTP_PORT: String(input.smtpPort),
    SIGNET_API_PORT: String(input.apiPort),
    SIGNET_LINK_SECRET: randomBytes(32).toString('base64url'),
    SIGNET_API_TOKEN: randomBytes(32).toString('base64url'),
    SIGNET_INTERNAL_TOKEN: randomBytes(32).toString('base64url'),
    SIGNET_MAIL_FROM: 'Signet <signet@signet.test>',
    ...input.overrides,
  });
}
