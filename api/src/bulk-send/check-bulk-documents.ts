import type { TBulkProblem, TBulkSendRequest } from '@signet/shared';
import { AppError } from '@signet/shared';
import type { ApiContext } from '../context';
import { checkDocuments } from '../documents/check-documents';

/**
 * Every document must exist in the library and be a PDF within the limits (the same checks as a single
 * envelope); each failure is one problem with row 0 and field `documents.<index>`.
 */
export async function checkBulkDocuments(ctx: ApiContext, request: TBulkSendRequest): Promise<TBulkProblem[]> {
  const problems: TBulkProblem[] = [];
  const limits = { maxBytes: ctx.config.maxUploadBytes, maxPages: ctx.config.maxPages };
  const paths = request.documents.map((document) => document.libraryPath);
  for (const [index, path] of paths.entries()) {
    try {
      await checkDocuments(ctx.library, [path], [], limits);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problems.push({ row: 0, field: `documents.${index}`, code: error.code, message: error.message });
    }
  }
  if (new Set(paths).size !== paths.length) {
    problems.push({ row: 0, field: 'documents', code: 'VALIDATION_FAILED', message: 'a document is listed twice' });
  }
  return problems;
}
