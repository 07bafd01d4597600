import type { TTemplate, TTemplateRequest } from '@signet/shared';
import { AppError, AppErrorCode } from '@signet/shared';
import type { Caller } from '../auth/caller';
import { isUniqueViolation } from '../db/database-errors';
import { assertStorableText } from './assert-storable-text';
import { checkTemplateSettings } from './check-template-settings';
import type { TemplateDeps, TemplateRow } from './template-store';
import { findVisibleTemplate, nameTakenOr, TEMPLATE_COLUMNS, toTemplate } from './template-store';

/**
 * Replaces a template's name, description and settings (the owner stays). Envelopes already made from it
 * keep what they were sent with: a template is only read when an envelope is created.
 */
export async function updateTemplate(
  deps: TemplateDeps,
  caller: Caller,
  id: string,
  request: TTemplateRequest,
): Promise<TTemplate> {
  assertStorableText(request);
  checkTemplateSettings(request.settings);
  await findVisibleTemplate(deps.db, caller, id);
  try {
    const [row] = await deps.db.query<TemplateRow>(
      `UPDATE templates SET name = $2, description = $3, settings = $4, updated_at = $5
       WHERE id = $1 RETURNING ${TEMPLATE_COLUMNS}`,
      [id, request.name, request.description ?? null, JSON.stringify(request.settings), new Date(deps.now())],
    );
    if (!row) throw new AppError(AppErrorCode.TEMPLATE_NOT_FOUND, { message: `no template ${id}` });
    return toTemplate(row);
  } catch (error) {
    throw nameTakenOr(error, request.name, isUniqueViolation);
  }
}
