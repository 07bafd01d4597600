import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadPemSigner } from '../seal';
import type { SealSigner } from '../seal';
import type { PdfSealer } from '../sealer/pdf-sealer';
import { createPadesSealer } from '../sealer/pdf-sealer';

// Test-only: a real B-B sealer with a self-signed P-256 seal certificate made by the system openssl, once per
// test process (about 50 ms). B-B needs no TSA or OCSP, so unit tests seal for real without any server.

let signer: SealSigner | undefined;

function selfSignedSigner(): SealSigner {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'signet-test-seal-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-noenc', '-days', '2']
        .concat(['-subj', '/CN=Signet unit-test seal', '-keyout', 'seal.key', '-out', 'seal.crt'])
        .concat(['-addext', 'keyUsage=critical,digitalSignature,nonRepudiation']),
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return loadPemSigner({
      keyPem: readFileSync(path.join(dir, 'seal.key'), 'utf8'),
      certificatesPem: readFileSync(path.join(dir, 'seal.crt'), 'utf8'),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A PAdES B-B sealer with a throwaway self-signed key. */
export function createTestSealer(): PdfSealer {
  signer ??= selfSignedSigner();
  return createPadesSealer({ signer, level: 'B-B', fieldName: 'Signet seal' });
}
