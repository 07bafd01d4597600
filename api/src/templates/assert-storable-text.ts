import { AppError, AppErrorCode } from '@signet/shared';

/** A UTF-16 surrogate without its pair (JSON can carry one as `\ud800`; UTF-8 cannot encode it). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The first path in `value` (a parsed JSON body) whose text cannot be stored, or undefined. */
function findNul(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') || LONE_SURROGATE.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNul(item, `${path}.${index}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findNul(item, path ? `${path}.${key}` : key);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * VALIDATION_FAILED when any text in `value` contains U+0000 or a lone surrogate. PostgreSQL `text` and `jsonb`
 * cannot store them (SQLSTATE 22021 / 22P05), so without this check such a body would fail in the database as
 * a 500.
 */
export function assertStorableText(value: unknown, field = ''): void {
  const found = findNul(value, field);
  if (found === undefined) return;
  throw new AppError(AppErrorCode.VALIDATION_FAILED, {
    message: `${found || 'body'}: text may not contain NUL characters or unpaired surrogates`,
    details: { issues: [{ path: found, message: 'contains U+0000 or an unpaired surrogate' }] },
  });
}
