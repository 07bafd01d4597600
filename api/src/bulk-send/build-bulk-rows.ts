import type { TBulkProblem, TBulkSendRequest, TCreateEnvelopeRequestInput, TTemplateSettings } from '@signet/shared';
import {
  AppError,
  isLocale,
  isValidEmail,
  normaliseEmail,
  parseOrThrow,
  ZCreateEnvelopeRequestSchema,
} from '@signet/shared';
import type { SignetConfig } from '@signet/shared/node';
import { checkEnvelopeRequest } from '../build-envelope-input';
import { applyTemplate } from '../templates/apply-template';
import { mergeFieldsOf, renderMergeFields } from './merge-fields';
import type { CsvRow, CsvTable } from './parse-bulk-csv';

/** One row's envelope, ready to store: merge fields applied; documents are added per row when it is started. */
export type BulkRowPlan = { position: number; row: number; email: string; request: TCreateEnvelopeRequestInput };

export type BulkRowsOptions = { config: Pick<SignetConfig, 'defaults' | 'retention'>; nowMs: number };

/** Merge fields the subject or message use that the CSV has no column for: one header (row 1) problem each. */
export function unknownMergeFields(
  request: TBulkSendRequest,
  settings: TTemplateSettings,
  table: CsvTable,
): TBulkProblem[] {
  const problems: TBulkProblem[] = [];
  const texts = { subject: request.subject ?? settings.subject, message: request.message ?? settings.message };
  for (const [field, text] of Object.entries(texts)) {
    for (const name of mergeFieldsOf(text)) {
      if (!table.columns.includes(name)) {
        problems.push({
          row: 1,
          field,
          code: 'UNKNOWN_MERGE_FIELD',
          message: `{{${name}}}: the CSV has no column "${name}"`,
        });
      }
    }
  }
  return problems;
}

function fieldProblems(csv: CsvRow, seen: Map<string, number>): TBulkProblem[] {
  const problems: TBulkProblem[] = [];
  const add = (field: string, code: string, message: string): number =>
    problems.push({ row: csv.row, field, code, message });
  const email = csv.values.email ?? '';
  if (email === '') add('email', 'MISSING_EMAIL', 'the e-mail address is empty');
  else if (!isValidEmail(email)) add('email', 'INVALID_EMAIL', `"${email}" is not a valid e-mail address`);
  else {
    const first = seen.get(normaliseEmail(email));
    if (first !== undefined) add('email', 'DUPLICATE_RECIPIENT', `${email} is also on row ${first}`);
    else seen.set(normaliseEmail(email), csv.row);
  }
  const locale = csv.values.locale ?? '';
  if (locale !== '' && !isLocale(locale)) add('locale', 'INVALID_LOCALE', `"${locale}" is not a supported locale`);
  if ((csv.values.name ?? '').length > 200) add('name', 'VALIDATION_FAILED', 'the name is longer than 200 characters');
  if ((csv.values.onbehalfof ?? '').length > 200) add('onBehalfOf', 'VALIDATION_FAILED', 'longer than 200 characters');
  return problems;
}

function rowRequest(request: TBulkSendRequest, settings: TTemplateSettings, csv: CsvRow): TCreateEnvelopeRequestInput {
  const { email = '', name = '', locale = '', onbehalfof: onBehalfOf = '' } = csv.values;
  const subject = request.subject ?? settings.subject ?? '';
  const message = request.message ?? settings.message;
  return applyTemplate(settings, {
    templateId: 'bulk-send',
    sender: request.sender,
    subject: renderMergeFields(subject, csv.values),
    ...(message !== undefined ? { message: renderMergeFields(message, csv.values) } : {}),
    documents: [],
    recipients: [
      {
        email,
        ...(name ? { name } : {}),
        ...(onBehalfOf ? { onBehalfOf } : {}),
        ...(isLocale(locale) ? { locale } : {}),
      },
    ],
  });
}

/**
 * Each row's envelope request, or every problem of every row: field checks (e-mail, duplicates, locale),
 * then the whole envelope through the same schema and rules as a single create (e.g. a merged subject
 * that grows past 200 characters, a recipient who is also a fixed co-signer). Call only when the settings
 * and merge fields have no problems.
 */
export function buildBulkRows(
  request: TBulkSendRequest,
  settings: TTemplateSettings,
  table: CsvTable,
  options: BulkRowsOptions,
): { rows: BulkRowPlan[]; problems: TBulkProblem[] } {
  const rows: BulkRowPlan[] = [];
  const problems: TBulkProblem[] = [];
  const seen = new Map<string, number>();
  for (const csv of table.rows) {
    const own = fieldProblems(csv, seen);
    if (own.length > 0) {
      problems.push(...own);
      continue;
    }
    try {
      const envelope = rowRequest(request, settings, csv);
      checkEnvelopeRequest(parseOrThrow(ZCreateEnvelopeRequestSchema, envelope), options);
      rows.push({ position: rows.length, row: csv.row, email: csv.values.email ?? '', request: envelope });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const field = (error.details?.field as string | undefined) ?? 'envelope';
      problems.push({ row: csv.row, field, code: error.code, message: error.message });
    }
  }
  return { rows, problems };
}
