import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startSealingPki } from '../support/sealing-pki';

// `npm start`'s local PKI (scripts/start-stack.mjs runs this as a child): made once under <data>/pki, then served on
// loopback (RFC 3161 TSA, OCSP, CRLs) for as long as the stack runs. It writes <data>/pki/seal.env with the worker's
// seal variables. Development only: its root is trusted by nobody, so viewers show the seal as "unknown signer".

async function main(): Promise<void> {
  const [dir, portText] = process.argv.slice(2);
  const port = Number(portText);
  if (!dir || !Number.isInteger(port) || port <= 0) {
    process.stderr.write('usage: node test/dist/dev/dev-pki.js <pki-dir> <port>\n');
    process.exit(2);
  }
  const sealing = await startSealingPki(path.resolve(dir), port, 'B-LT');
  // The API trusts this root when verifying, so `signet verify` says "trusted" for the stack's own seals.
  const env = { ...sealing.env, SIGNET_TRUSTED_ROOTS_FILE: sealing.pki.root.cert };
  const lines = Object.entries(env).map(([key, value]) => `${key}=${value}`);
  await writeFile(path.join(sealing.pki.dir, 'seal.env'), lines.join('\n') + '\n', { mode: 0o600 });
  process.stdout.write(`local PKI on ${sealing.pki.baseUrl} (root certificate: ${sealing.pki.root.cert})\n`);
  const stop = (): void => {
    sealing.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`dev PKI failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
