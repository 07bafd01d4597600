import type { SealLevel } from '@signet/shared';
import { AppErrorCode } from '@signet/shared/errors';
import { appendPagesToRevision } from '../evidence/append-pages';
import type { RevocationSource, SealSigner, TimestampAuthority } from '../seal';
import { readRevision, sealRevision } from '../seal';

/**
 * The port the seal activity uses: turns a finished PDF into a sealed one at a fixed PAdES level. The
 * signer behind it (PEM or PKCS#12 file today, an HSM or a cloud key vault tomorrow) is the only part that
 * holds the key; the sealing code never sees it.
 */
export interface PdfSealer {
  readonly level: SealLevel;
  /**
   * Seals `original` (which stays a byte prefix of the result), after appending the pages of `evidencePdf` to it
   * (and stamping `footerPdf` on its pages, unless it is already signed) as one incremental update. One read of the
   * original, one joined output: the intermediate file is never copied whole.
   */
  seal(original: Uint8Array, options: SealOptions): Promise<Uint8Array>;
}

export type SealOptions = {
  /** The claimed signing time, /M. */
  signingTime: Date;
  /** Pages to append before sealing (`buildEvidencePages`). */
  evidencePdf?: Uint8Array;
  /** With `evidencePdf`: the footer for every original page (`buildFooterPdf`). */
  footerPdf?: Uint8Array;
};

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
    seal: async (original, { signingTime, evidencePdf, footerPdf }) => {
      // Unreadable originals are the document's fault (INVALID_DOCUMENT), not the seal's.
      const read = await readRevision(original, AppErrorCode.INVALID_DOCUMENT);
      const input = evidencePdf ? await appendPagesToRevision(read, evidencePdf, footerPdf ? { footerPdf } : {}) : read;
      return sealRevision(input, {
        signer: options.signer,
        level: options.level,
        signingTime,
        ...(options.tsa ? { tsa: options.tsa } : {}),
        ...(options.revocation ? { revocation: options.revocation } : {}),
        ...(options.fieldName ? { fieldName: options.fieldName } : {}),
      });
    },
  };
}
