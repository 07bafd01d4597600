import type { SealLevel } from '@signet/shared';
import type { RevocationSource, SealSigner, TimestampAuthority } from '../seal';
import { sealPdf } from '../seal';

/**
 * The port the seal activity uses: turns a finished PDF into a sealed one at a fixed PAdES level. The
 * signer behind it (PEM or PKCS#12 file today, an HSM or a cloud key vault tomorrow) is the only part that
 * holds the key; the sealing code never sees it.
 */
export interface PdfSealer {
  readonly level: SealLevel;
  /** Seals `bytes` (which stay a byte prefix of the result). `signingTime` is the claimed time, /M. */
  seal(bytes: Uint8Array, signingTime: Date): Promise<Uint8Array>;
}

export type PadesSealerOptions = {
  signer: SealSigner;
  level: SealLevel;
  /** Required from B-T. */
  tsa?: TimestampAuthority;
  /** Required from B-LT. */
  revocation?: RevocationSource;
  fieldName?: string;
};

/** A {@link PdfSealer} over Signet's own PAdES sealer (worker/src/seal, decision 0009). */
export function createPadesSealer(options: PadesSealerOptions): PdfSealer {
  return {
    level: options.level,
    seal: (bytes, signingTime) =>
      sealPdf(bytes, {
        signer: options.signer,
        level: options.level,
        signingTime,
        ...(options.tsa ? { tsa: options.tsa } : {}),
        ...(options.revocation ? { revocation: options.revocation } : {}),
        ...(options.fieldName ? { fieldName: options.fieldName } : {}),
      }),
  };
}
