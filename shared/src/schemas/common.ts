import { z } from 'zod';
import { AppError, AppErrorCode } from '../errors/app-error';

/** Practical e-mail check: one @, no spaces, a dot in the domain. RFC 5322 allows more; mail servers do not. */
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]{2,}$/;

export function isValidEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/** Lower-cased, trimmed address used to compare recipients. */
export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}

export const ZIsoDateTimeSchema = z.iso.datetime({ offset: true });
export const ZIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{5,63}$/, 'an id of 6-64 letters, digits, _ or -, starting with a letter or digit');
export const ZPersonNameSchema = z.string().trim().min(1).max(200);
export const ZReasonSchema = z.string().trim().max(2000);

/**
 * Parses `data` with `schema`, turning zod issues into a VALIDATION_FAILED AppError whose details list
 * each failing path, so clients can point at the field.
 */
export function parseOrThrow<T extends z.ZodType>(schema: T, data: unknown): z.infer<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const first = issues[0];
  throw new AppError(AppErrorCode.VALIDATION_FAILED, {
    message: first ? `${first.path || 'body'}: ${first.message}` : 'invalid input',
    details: { issues },
  });
}
