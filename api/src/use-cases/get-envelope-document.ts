import { AppError, AppErrorCode } from '@signet/shared';
import type { ApiContext } from '../context';
import { getEnvelope } from './get-envelope';

/** Which file of an envelope document: the original as sent, the sealed signed copy, or its separate evidence. */
export const DOCUMENT_VARIANTS = ['original', 'signed', 'evidence'] as const;
export type DocumentVariant = (typeof DOCUMENT_VARIANTS)[number];

export type EnvelopeDocumentFile = { name: string; bytes: Buffer };

function fileNameOf(name: string, variant: DocumentVariant): string {
  const stem = name.replace(/\.pdf$/i, '');
  if (variant === 'signed') return `${stem}.signed.pdf`;
  if (variant === 'evidence') return `${stem}.evidence.pdf`;
  return `${stem}.pdf`;
}

/**
 * A document of the envelope for its sender (or an admin): the original, the signed copy once sealed
 * (SIGNED_COPY_NOT_READY before), or the separate evidence PDF that already-signed originals get.
 * After retention deleted the files, DOCUMENT_NOT_FOUND.
 */
export async function getEnvelopeDocument(
  ctx: ApiContext,
  envelopeId: string,
  index: number,
  variant: DocumentVariant,
): Promise<EnvelopeDocumentFile> {
  const view = await getEnvelope(ctx, envelopeId);
  const document = view.documents[index];
  if (!document) {
    throw new AppError(AppErrorCode.DOCUMENT_NOT_FOUND, { message: `the envelope has no document ${index}` });
  }
  if (view.retention?.deletedAt) {
    throw new AppError(AppErrorCode.DOCUMENT_NOT_FOUND, { message: 'the documents were deleted by retention' });
  }
  const ref =
    variant === 'original' ? document.ref : variant === 'signed' ? document.signedCopyRef : document.evidenceRef;
  if (!ref) {
    if (variant === 'evidence') {
      throw new AppError(AppErrorCode.DOCUMENT_NOT_FOUND, {
        message: 'this document has no separate evidence file (its evidence pages are inside the signed copy)',
      });
    }
    throw new AppError(AppErrorCode.SIGNED_COPY_NOT_READY);
  }
  return { name: fileNameOf(document.name, variant), bytes: await ctx.library.read(ref.path) };
}
