import type { TTemplateList } from '@signet/shared';
import type { Caller } from '../auth/caller';
import { isAdmin } from '../auth/caller';
import type { TemplateDeps, TemplateRow } from './template-store';
import { ownerOf, TEMPLATE_COLUMNS, toTemplate } from './template-store';

/** The caller's templates by name; admins see every sender's. */
export async function listTemplates(deps: Pick<TemplateDeps, 'db'>, caller: Caller): Promise<TTemplateList> {
  const rows = isAdmin(caller)
    ? await deps.db.query<TemplateRow>(`SELECT ${TEMPLATE_COLUMNS} FROM templates ORDER BY owner, name, id`)
    : await deps.db.query<TemplateRow>(`SELECT ${TEMPLATE_COLUMNS} FROM templates WHERE owner = $1 ORDER BY name, id`, [
        ownerOf(caller),
      ]);
  return { templates: rows.map(toTemplate) };
}
