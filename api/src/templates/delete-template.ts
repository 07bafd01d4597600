import type { Caller } from '../auth/caller';
import type { TemplateDeps } from './template-store';
import { findVisibleTemplate } from './template-store';

/** Deletes a template (owner or admin). Envelopes made from it are not affected. */
export async function deleteTemplate(deps: Pick<TemplateDeps, 'db'>, caller: Caller, id: string): Promise<void> {
  await findVisibleTemplate(deps.db, caller, id);
  await deps.db.query('DELETE FROM templates WHERE id = $1', [id]);
}
