import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SealLevel } from '@signet/shared';
import { createTestPki, startPkiServices } from './test-pki';
import type { PkiServices, TestPki, TestPkiOptions } from './test-pki';

// The local PKI a whole Signet stack seals with: the tests' end-to-end stack and `npm start` both use it, so a fresh
// clone seals at B-LT without any outside service. Production points the same variables at a real key and TSA.

const DESCRIPTOR = 'pki.json';

/** Opens the PKI described in `dir/pki.json`, or creates it there (the port is baked into its certificates). */
export async function openOrCreateTestPki(dir: string, options: TestPkiOptions): Promise<TestPki> {
  const descriptor = path.join(dir, DESCRIPTOR);
  if (existsSync(descriptor)) {
    const pki = JSON.parse(await readFile(descriptor, 'utf8')) as TestPki;
    if (pki.port === options.port) return pki;
    throw new Error(`${dir} holds a PKI for port ${pki.port}, not ${options.port}: delete the folder or use that port`);
  }
  const pki = await createTestPki(dir, options);
  // The seal certificate followed by its chain: what SIGNET_SEAL_CERT_FILE expects.
  const sealChain = path.join(dir, 'seal-chain.pem');
  await writeFile(sealChain, (await readFile(pki.seal.cert, 'utf8')) + (await readFile(pki.chain, 'utf8')));
  await writeFile(descriptor, JSON.stringify(pki, null, 2), { mode: 0o600 });
  return pki;
}

/** The worker's SIGNET_SEAL_* and SIGNET_TSA_URL variables for `pki` at `level` (B-B needs no TSA). */
export function sealEnvOf(pki: TestPki, level: SealLevel = 'B-LT'): Record<string, string> {
  return {
    SIGNET_SEAL_KEY_FILE: pki.seal.key,
    SIGNET_SEAL_CERT_FILE: path.join(pki.dir, 'seal-chain.pem'),
    SIGNET_SEAL_LEVEL: level,
    ...(level === 'B-B' ? {} : { SIGNET_TSA_URL: `${pki.baseUrl}/tsa` }),
  };
}

export type SealingPki = {
  pki: TestPki;
  services: PkiServices;
  env: Record<string, string>;
  /** Stops the services; safe to call again (a test may stop them early to validate offline). */
  stop(): Promise<void>;
};

/** Opens or creates the PKI under `dir` and serves its TSA, OCSP and CRLs on its loopback port. */
export async function startSealingPki(dir: string, port: number, level: SealLevel = 'B-LT'): Promise<SealingPki> {
  const pki = await openOrCreateTestPki(dir, { port });
  const services = await startPkiServices(pki);
  let stopped: Promise<void> | undefined;
  return { pki, services, env: sealEnvOf(pki, level), stop: () => (stopped ??= services.stop()) };
}
