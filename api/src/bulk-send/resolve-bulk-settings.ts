import type { TBulkProblem, TBulkSendRequest, TTemplateSettings } from '@signet/shared';
import { AppError, RecipientAuthentication, RecipientRole } from '@signet/shared';
import type { Caller } from '../auth/caller';
import type { Queryable } from '../db/database';
import { checkTemplateSettings } from '../templates/check-template-settings';
import { findVisibleTemplate, toTemplate } from '../templates/template-store';

/** Without a template or inline settings, each row is the one signer of its envelope. */
const SINGLE_SIGNER: TTemplateSettings = {
  recipients: [
    {
      label: 'Recipient',
      role: RecipientRole.SIGNER,
      authentication: RecipientAuthentication.LINK,
      recordNationalId: false,
    },
  ],
  routing: 'SEQUENTIAL',
};

export type BulkSettings = { settings: TTemplateSettings | undefined; problems: TBulkProblem[] };

function settingsProblem(field: string, code: string, message: string): TBulkProblem {
  return { row: 0, field, code, message };
}

/**
 * The settings every row's envelope starts from: the template's (TEMPLATE_NOT_FOUND, a 404, when the caller
 * may not see it), the inline ones, or one signer. They must leave exactly one placeholder open — the row's
 * recipient — and give a subject unless the request does. Problems are reported with row 0 (not a CSV row).
 */
export async function resolveBulkSettings(
  db: Queryable,
  caller: Caller,
  request: TBulkSendRequest,
): Promise<BulkSettings> {
  if (request.templateId !== undefined && request.settings !== undefined) {
    return {
      settings: undefined,
      problems: [settingsProblem('templateId', 'VALIDATION_FAILED', 'give templateId or settings, not both')],
    };
  }
  const settings =
    request.templateId !== undefined
      ? toTemplate(await findVisibleTemplate(db, caller, request.templateId)).settings
      : (request.settings ?? SINGLE_SIGNER);
  const problems: TBulkProblem[] = [];
  try {
    checkTemplateSettings(settings);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problems.push(settingsProblem('settings', error.code, error.message));
  }
  const open = settings.recipients.filter((recipient) => recipient.email === undefined);
  if (open.length !== 1) {
    problems.push(
      settingsProblem(
        'settings.recipients',
        'TEMPLATE_RECIPIENTS_MISMATCH',
        `each CSV row fills one placeholder; the settings have ${open.length} without a fixed e-mail`,
      ),
    );
  }
  if (request.subject === undefined && settings.subject === undefined) {
    problems.push(settingsProblem('subject', 'VALIDATION_FAILED', 'subject: required (the template has none)'));
  }
  return { settings, problems };
}
