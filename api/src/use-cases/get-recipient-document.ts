import { AppError, AppErrorCode } from '@signet/shared';
import type { ApiContext } from '../context';
import { authenticateRecipient } from '../recipient-auth/authenticate-recipient';

export type RecipientDocument = { name: string; bytes: Buffer };

/**
 * Which original PDF document `index` (0-based) is, for a recipient of the envelope (after proving
 * themselves when the sender asked). Any current recipient may read it, also before their turn;
 * DOCUMENT_NOT_FOUND for a bad index or a deleted document.
 */
export async function getRecipientDocument(
  ctx: ApiContext,
  token: string,
  session: string | undefined,
  index: number,
): Promise<RecipientDocument> {
  const { view } = await authenticateRecipient(ctx, token, session);
  const document = view.documents[index];
  if (!document) {
    throw new AppError(AppErrorCode.DOCUMENT_NOT_FOUND, { message: `the envelope has no document ${index}` });
  }
  return { name: document.name, bytes: await ctx.library.read(document.ref.path) };
}
