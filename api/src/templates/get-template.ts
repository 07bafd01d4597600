import type { TTemplate } from '@signet/shared';
import type { Caller } from '../auth/caller';
import type { TemplateDeps } from './template-store';
import { findVisibleTemplate, toTemplate } from './template-store';

/** One template, for its owner or an admin (TEMPLATE_NOT_FOUND for anyone else). */
export async function getTemplate(deps: Pick<TemplateDeps, 'db'>, caller: Caller, id: string): Promise<TTemplate> {
  return toTemplate(await findVisibleTemplate(deps.db, caller, id));
}
