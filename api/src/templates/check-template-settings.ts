import type { TTemplateSettings } from '@signet/shared';
import { AppError, AppErrorCode, isActingRole, parseDuration } from '@signet/shared';
import { assertValidEmail } from '../assert-valid-email';

function invalid(field: string, message: string): AppError {
  return new AppError(AppErrorCode.VALIDATION_FAILED, { message: `${field}: ${message}`, details: { field } });
}

/**
 * The rules a template's settings must meet before they are saved, so a template that is stored can always
 * make an envelope: unique labels, valid fixed addresses, at least one signer or approver, recordNationalId
 * only with STRONG authentication, durations that parse (INVALID_DURATION).
 */
export function checkTemplateSettings(settings: TTemplateSettings): void {
  const labels = new Set<string>();
  settings.recipients.forEach((recipient, index) => {
    const field = `settings.recipients.${index}`;
    const label = recipient.label.toLowerCase();
    if (labels.has(label)) throw invalid(`${field}.label`, `the label "${recipient.label}" is used twice`);
    labels.add(label);
    if (recipient.email !== undefined) assertValidEmail(recipient.email, `${field}.email`);
    if (recipient.recordNationalId && recipient.authentication !== 'STRONG') {
      throw invalid(`${field}.recordNationalId`, 'needs authentication STRONG');
    }
  });
  if (!settings.recipients.some((recipient) => isActingRole(recipient.role))) {
    throw new AppError(AppErrorCode.NO_ACTING_RECIPIENT);
  }
  if (settings.expiresIn !== undefined) parseDuration(settings.expiresIn);
  if (settings.expiryWarning !== undefined) parseDuration(settings.expiryWarning);
  if (settings.reminders) {
    parseDuration(settings.reminders.firstAfter);
    parseDuration(settings.reminders.every);
  }
}
