import { AppError, AppErrorCode } from '@signet/shared';
import { readRecipientLink } from '../auth/recipient-link';
import type { ApiContext } from '../context';
import { queryEnvelope } from '../temporal/envelope-calls';
import { findRecipient } from '../views/recipient-view';

export type RecipientDocument = { name: string; bytes: Buffer };

/**
 * The original PDF of document `index` (0-based) for a recipient of the envelope. Any current recipient
 * may read it, also before their turn; DOCUMENT_NOT_FOUND for a bad index or a deleted document.
 */
export async function getRecipientDocument(ctx: ApiContext, token: string, index: number): Promise<RecipientDocument> {
  const link = readRecipientLink(ctx, token);
  const view = await queryEnvelope(ctx, link.envelopeId);
  findRecipient(view, link.credential.recipientId);
  const document = view.documents[index];
  if (!document)
    throw new AppError(AppErrorCode.DOCUMENT_NOT_FOUND, { message: `the envelope has no document ${index}` });
  return { name: document.name, bytes: await ctx.library.read(document.ref.path) };
}
