import path from 'node:path';
import { AppError, AppErrorCode } from '@signet/shared';
import type { CliRuntime } from './runtime';

/** Where the API is and the sender token to call it with. */
export type ApiSettings = { baseUrl: string; token: string };

const DEFAULT_API_URL = 'http://127.0.0.1:3000';
const TOKEN_LINE = /^\s*SIGNET_API_TOKEN\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S*))\s*$/m;

/** The token from a `secrets.env` text (`SIGNET_API_TOKEN=…`, optionally quoted); undefined when absent. */
export function tokenFromSecretsFile(text: string): string | undefined {
  const match = TOKEN_LINE.exec(text);
  const token = match ? (match[1] ?? match[2] ?? match[3]) : undefined;
  return token ? token : undefined;
}

/**
 * API URL from SIGNET_API_URL (default http://127.0.0.1:3000); token from SIGNET_API_TOKEN, else from
 * `<SIGNET_DATA_DIR or .data>/secrets.env`, which `npm start` writes. UNAUTHENTICATED when neither has one.
 */
export async function resolveApiSettings(runtime: CliRuntime): Promise<ApiSettings> {
  const baseUrl = (runtime.env.SIGNET_API_URL || DEFAULT_API_URL).replace(/\/+$/, '');
  const fromEnv = runtime.env.SIGNET_API_TOKEN;
  if (fromEnv) return { baseUrl, token: fromEnv };
  const secretsPath = path.join(runtime.env.SIGNET_DATA_DIR || '.data', 'secrets.env');
  let text = '';
  try {
    text = (await runtime.readFile(secretsPath)).toString('utf8');
  } catch {
    text = '';
  }
  const token = tokenFromSecretsFile(text);
  if (!token) {
    throw new AppError(AppErrorCode.UNAUTHENTICATED, {
      message: `no API token: set SIGNET_API_TOKEN, or run "npm start" once so that ${secretsPath} holds one`,
    });
  }
  return { baseUrl, token };
}
