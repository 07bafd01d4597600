import type { TTemplate, TTemplateRequest } from '@signet/shared';
import { AppError, AppErrorCode } from '@signet/shared';
import type { Caller } from '../auth/caller';
import { isUniqueViolation } from '../db/database-errors';
import { assertStorableText } from './assert-storable-text';
import { checkTemplateSettings } from './check-template-settings';
import type { TemplateDeps, TemplateRow } from './template-store';
import { nameTakenOr, ownerOf, TEMPLATE_COLUMNS, toTemplate } from './template-store';

/** Saves a new template owned by the caller; TEMPLATE_NAME_TAKEN when the caller has one of that name. */
export async function createTemplate(
  deps: TemplateDeps,
  caller: Caller,
  request: TTemplateRequest,
): Promise<TTemplate> {
  assertStorableText(request);
  checkTemplateSettings(request.settings);
  const now = new Date(deps.now());
  try {
    const [row] = await deps.db.query<TemplateRow>(
      `INSERT INTO templates (id, owner, name, description, settings, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING ${TEMPLATE_COLUMNS}`,
      [deps.newId(), ownerOf(caller), request.name, request.description ?? null, JSON.stringify(request.settings), now],
    );
    if (!row) throw new AppError(AppErrorCode.INTERNAL, { message: 'INSERT … RETURNING gave no row' });
    return toTemplate(row);
  } catch (error) {
    throw nameTakenOr(error, request.name, isUniqueViolation);
  }
}
