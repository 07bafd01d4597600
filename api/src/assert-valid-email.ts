import { AppError, AppErrorCode, isValidEmail } from '@signet/shared';

/**
 * INVALID_EMAIL naming `field` unless `email` is a usable address. The API checks addresses itself so a bad
 * one fails before any Temporal call; the workflow checks new addresses again.
 */
export function assertValidEmail(email: string, field: string): void {
  if (!isValidEmail(email)) {
    throw new AppError(AppErrorCode.INVALID_EMAIL, {
      message: `${field}: "${email}" is not a valid e-mail address`,
      details: { field },
    });
  }
}
