import type { VerifyReport } from '@signet/shared/node';
import { verifyPdf } from '@signet/shared/node';
import type { ApiContext } from '../context';
import type { UploadedFile } from '../documents/check-documents';
import { inspectPdf } from '../pdf/inspect-pdf';

export type VerifyDocumentInput = { upload: UploadedFile; trustedRoots?: string[] };

/**
 * Verifies the signatures and seals of an uploaded PDF. The file is checked as at send time first
 * (NOT_A_PDF, INVALID_DOCUMENT, DOCUMENT_TOO_LARGE), so a damaged file gets the same answer everywhere.
 */
export async function verifyDocument(ctx: ApiContext, input: VerifyDocumentInput): Promise<VerifyReport> {
  await inspectPdf(input.upload.bytes, {
    name: input.upload.fileName,
    maxBytes: ctx.config.maxUploadBytes,
    maxPages: ctx.config.maxPages,
  });
  // The caller's roots win; else the deployment's (SIGNET_TRUSTED_ROOTS_FILE); with neither, trust is not reported.
  const trustedRoots = input.trustedRoots ?? ctx.trustedRoots;
  return verifyPdf(input.upload.bytes, trustedRoots.length > 0 ? { trustedRoots } : {});
}
