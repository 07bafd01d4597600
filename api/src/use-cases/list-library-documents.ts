import type { LibraryEntry } from '@signet/shared/node';
import type { ApiContext } from '../context';

/** Every document in the library with the status of the envelope it is (or was) in. */
export async function listLibraryDocuments(ctx: ApiContext): Promise<{ items: LibraryEntry[] }> {
  return { items: await ctx.library.list() };
}
