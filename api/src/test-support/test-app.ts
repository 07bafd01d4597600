import type { FastifyInstance } from 'fastify';
import type { SignetConfig } from '@signet/shared/node';
import { loadConfig, mintRecipientToken } from '@signet/shared/node';
import { buildApp } from '../app';
import type { FakeLibrary } from './fake-library';
import { createFakeLibrary } from './fake-library';
import type { FakeTemporal } from './fake-temporal';
import { createFakeTemporal } from './fake-temporal';

export const API_TOKEN = 'test-api-token-0123456789abcdef0123456789';
export const LINK_SECRET = 'test-link-secret-0123456789abcdef012345678';
export const NOW = Date.parse('2030-01-01T00:00:00.000Z');
export const AUTH = { authorization: `Bearer ${API_TOKEN}` };

export type TestApp = {
  app: FastifyInstance;
  temporal: FakeTemporal;
  library: FakeLibrary;
  config: SignetConfig;
  logs: string[];
};

/** The real app over a fake Temporal client and an in-memory library, at a fixed time with counting ids (`test-id-00000001`, …). */
export function createTestApp(
  options: { temporal?: FakeTemporal; library?: FakeLibrary; env?: Record<string, string> } = {},
): TestApp {
  const config = loadConfig({
    SIGNET_API_TOKEN: API_TOKEN,
    SIGNET_LINK_SECRET: LINK_SECRET,
    SIGNET_DATA_DIR: '/tmp/signet-unit',
    ...options.env,
  });
  const temporal = options.temporal ?? createFakeTemporal();
  const library = options.library ?? createFakeLibrary();
  const logs: string[] = [];
  let counter = 0;
  const app = buildApp({
    client: temporal.client,
    namespace: 'default',
    library,
    config,
    clock: () => new Date(NOW),
    // 16 characters, like a real 128-bit id: recipient keys must have at least 16.
    idGenerator: () => `test-id-${String(++counter).padStart(8, '0')}`,
    logger: {
      info: (m) => logs.push(m),
      warn: (m) => logs.push(m),
      error: (m, f) => logs.push(`${m} ${JSON.stringify(f)}`),
    },
  });
  return { app, temporal, library, config, logs };
}

/** A link token for recipient `recipientId` of envelope `envelopeId`. */
export function linkToken(
  envelopeId = 'env-123456',
  recipientId = 'r-alice',
  recipientKey = 'key-0123456789abcdef',
): string {
  return mintRecipientToken(LINK_SECRET, { envelopeId, recipientId, recipientKey });
}
