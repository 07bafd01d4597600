import { AppError, AppErrorCode } from '@signet/shared';

/** `{{column}}`, spaces inside the braces allowed; names are matched case-insensitively. */
const MERGE_FIELD = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** The merge fields `text` uses, lower-cased, each once. */
export function mergeFieldsOf(text: string | undefined): string[] {
  if (text === undefined) return [];
  return [...new Set([...text.matchAll(MERGE_FIELD)].map((match) => (match[1] ?? '').toLowerCase()))];
}

/**
 * `text` with each `{{column}}` replaced by the row's value, verbatim: the result is plain text (mails
 * HTML-escape it; nothing here is interpreted as markup or as a spreadsheet formula). VALIDATION_FAILED for a
 * field the row does not have — bulk sends check this up front for every row, so it does not happen there.
 */
export function renderMergeFields(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(MERGE_FIELD, (_whole, name: string) => {
    const value = values[name.toLowerCase()];
    if (value === undefined) {
      throw new AppError(AppErrorCode.VALIDATION_FAILED, {
        message: `unknown merge field {{${name}}}`,
        details: { field: name },
      });
    }
    return value;
  });
}
