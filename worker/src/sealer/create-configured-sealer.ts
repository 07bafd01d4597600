import { readFile } from 'node:fs/promises';
import { AppError, AppErrorCode } from '@signet/shared/errors';
import type { SealConfig, SealKeyConfig } from '@signet/shared/node';
import { requireSealKey } from '@signet/shared/node';
import type { SealSigner } from '../seal';
import { createHttpRevocationSource, createHttpTimestampAuthority, loadPemSigner, loadPkcs12Signer } from '../seal';
import type { PdfSealer } from './pdf-sealer';
import { createPadesSealer } from './pdf-sealer';

async function readKeyFile(file: string, variable: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (cause) {
    throw new AppError(AppErrorCode.INVALID_CONFIG, { message: `${variable}: cannot read ${file}`, cause });
  }
}

async function loadSigner(key: SealKeyConfig): Promise<SealSigner> {
  if (key.kind === 'pkcs12') return loadPkcs12Signer(await readKeyFile(key.file, 'SIGNET_SEAL_P12_FILE'), key.password);
  return loadPemSigner({
    keyPem: (await readKeyFile(key.keyFile, 'SIGNET_SEAL_KEY_FILE')).toString('utf8'),
    certificatesPem: (await readKeyFile(key.certificateFile, 'SIGNET_SEAL_CERT_FILE')).toString('utf8'),
  });
}

/**
 * The worker's sealer from its configuration: the key is loaded (and checked) once at start-up, so a wrong
 * password or a missing file stops the worker with INVALID_CONFIG instead of failing the first envelope.
 */
export async function createConfiguredSealer(seal: SealConfig): Promise<PdfSealer> {
  const signer = await loadSigner(requireSealKey(seal));
  return createPadesSealer({
    signer,
    level: seal.level,
    fieldName: seal.fieldName,
    ...(seal.tsaUrl ? { tsa: createHttpTimestampAuthority({ url: seal.tsaUrl }) } : {}),
    ...(seal.level === 'B-LT' || seal.level === 'B-LTA' ? { revocation: createHttpRevocationSource() } : {}),
  });
}
