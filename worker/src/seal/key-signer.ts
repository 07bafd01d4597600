import type { KeyObject } from 'node:crypto';
import { createPrivateKey, sign as signWithKey, X509Certificate } from 'node:crypto';
import { AppError, AppErrorCode } from '@signet/shared/errors';
import { pemBlocks } from './pki';
import type { DigestAlgorithm, SealKeyType, SealSigner } from './seal-signer';

const NODE_DIGEST: Record<DigestAlgorithm, string> = { 'SHA-256': 'sha256' };

/**
 * A signer over a private key held in this process. Checks that the key belongs to the first
 * certificate, so a mismatched key fails at start-up rather than producing seals nobody can verify.
 */
export function createKeySigner(privateKey: KeyObject, certificateChain: readonly Uint8Array[]): SealSigner {
  const [leaf] = certificateChain;
  if (!leaf) throw new AppError(AppErrorCode.INVALID_CONFIG, { message: 'the seal has no certificate' });
  if (!new X509Certificate(leaf).checkPrivateKey(privateKey)) {
    throw new AppError(AppErrorCode.INVALID_CONFIG, { message: 'the seal key does not match its certificate' });
  }
  const keyType = toKeyType(privateKey);
  return {
    certificateChain,
    keyType,
    sign: (data, algorithm) => {
      try {
        return Promise.resolve(new Uint8Array(signWithKey(NODE_DIGEST[algorithm], data, privateKey)));
      } catch (cause) {
        return Promise.reject(new AppError(AppErrorCode.SEAL_FAILED, { message: 'the seal key cannot sign', cause }));
      }
    },
  };
}

function toKeyType(key: KeyObject): SealKeyType {
  if (key.asymmetricKeyType === 'rsa') return 'RSA';
  if (key.asymmetricKeyType === 'ec') return 'EC';
  throw new AppError(AppErrorCode.INVALID_CONFIG, {
    message: `unsupported seal key type ${String(key.asymmetricKeyType)} (use RSA or EC)`,
  });
}

export type PemSignerOptions = {
  /** PEM private key (PKCS#8 or traditional), optionally encrypted. */
  keyPem: string;
  /** PEM certificates: the seal certificate first, then its chain. */
  certificatesPem: string;
  passphrase?: string;
};

/** A signer from PEM files. Fails with INVALID_CONFIG when the key or certificates cannot be read. */
export function loadPemSigner(options: PemSignerOptions): SealSigner {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: options.keyPem, format: 'pem', passphrase: options.passphrase });
  } catch (cause) {
    throw new AppError(AppErrorCode.INVALID_CONFIG, { message: 'the seal key cannot be read', cause });
  }
  return createKeySigner(key, pemBlocks(options.certificatesPem, 'CERTIFICATE'));
}
