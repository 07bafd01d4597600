import path from 'node:path';
import type { TCreateEnvelopeRequestInput, TRecipientRequestInput } from '@signet/shared';
import {
  AppError,
  AppErrorCode,
  isActingRole,
  isValidEmail,
  normaliseEmail,
  parseDuration,
  parseOrThrow,
  ZCreateEnvelopeRequestSchema,
} from '@signet/shared';

/** `signet send` options as commander hands them over. */
export type SendOptions = {
  to: string[];
  name: string[];
  approver: string[];
  cc: string[];
  parallel?: boolean;
  subject: string;
  message?: string;
  expires?: string;
  warnBefore?: string;
  remindAfter?: string;
  remindEvery?: string;
  maxReminders?: number;
  reminders: boolean;
  sender: string;
  senderName?: string;
  delegation: boolean;
  library: string[];
  id?: string;
  json?: boolean;
};

/** Used for the reminder values not given when some are (`--remind-every 1d` alone); the API's defaults too. */
export const REMINDER_DEFAULTS = { firstAfter: '3d', every: '2d', max: 3 } as const;

function assertEmail(email: string, option: string): void {
  if (!isValidEmail(email))
    throw new AppError(AppErrorCode.INVALID_EMAIL, { message: `${option}: "${email}" is not a valid e-mail address` });
}

/** Signers in `--to` order, then approvers, then copies; the API routes them in that order unless --parallel. */
function recipientsOf(options: SendOptions): TRecipientRequestInput[] {
  const signers = options.to.map((email, i): TRecipientRequestInput => ({
    email,
    role: 'SIGNER',
    ...(options.name[i] ? { name: options.name[i] } : {}),
  }));
  const approvers = options.approver.map((email): TRecipientRequestInput => ({ email, role: 'APPROVER' }));
  const copies = options.cc.map((email): TRecipientRequestInput => ({ email, role: 'CC' }));
  return [...signers, ...approvers, ...copies];
}

function checkRecipients(recipients: TRecipientRequestInput[]): void {
  if (recipients.length === 0)
    throw new AppError(AppErrorCode.NO_RECIPIENTS, { message: 'add at least one recipient with --to' });
  const seen = new Set<string>();
  for (const recipient of recipients) {
    assertEmail(
      recipient.email,
      recipient.role === 'SIGNER' ? '--to' : recipient.role === 'APPROVER' ? '--approver' : '--cc',
    );
    const address = normaliseEmail(recipient.email);
    if (seen.has(address))
      throw new AppError(AppErrorCode.DUPLICATE_RECIPIENT, { message: `${recipient.email} is listed twice` });
    seen.add(address);
  }
  if (!recipients.some((r) => isActingRole(r.role ?? 'SIGNER')))
    throw new AppError(AppErrorCode.NO_ACTING_RECIPIENT, {
      message: 'add a signer (--to) or an approver (--approver)',
    });
}

/** `--expires 14d` (a duration from now) or `--expires 2030-01-31T17:00:00Z` (a deadline). */
function deadlineOf(expires: string, nowMs: number): Pick<TCreateEnvelopeRequestInput, 'expiresAt' | 'expiresIn'> {
  const asDate = /^\d{4}-\d{2}-\d{2}/.test(expires) ? Date.parse(expires) : NaN;
  if (Number.isNaN(asDate)) return { expiresIn: checkedDuration(expires) };
  if (asDate <= nowMs)
    throw new AppError(AppErrorCode.DEADLINE_IN_PAST, { message: `--expires ${expires} is not in the future` });
  return { expiresAt: new Date(asDate).toISOString() };
}

/** Parses a duration for the quick INVALID_DURATION check and returns the text for the API to parse again. */
function checkedDuration(duration: string): string {
  parseDuration(duration);
  return duration;
}

function remindersOf(options: SendOptions): TCreateEnvelopeRequestInput['reminders'] {
  if (!options.reminders) return false;
  if (options.remindAfter === undefined && options.remindEvery === undefined && options.maxReminders === undefined)
    return undefined;
  return {
    firstAfter: checkedDuration(options.remindAfter ?? REMINDER_DEFAULTS.firstAfter),
    every: checkedDuration(options.remindEvery ?? REMINDER_DEFAULTS.every),
    max: options.maxReminders ?? REMINDER_DEFAULTS.max,
  };
}

/**
 * Builds the create-envelope request from `signet send` options, failing fast with the API's own codes
 * (NO_RECIPIENTS, INVALID_EMAIL, DUPLICATE_RECIPIENT, NO_ACTING_RECIPIENT, INVALID_DURATION,
 * DEADLINE_IN_PAST, VALIDATION_FAILED) before any file is read or any request is sent.
 */
export function buildSendRequest(options: SendOptions, fileCount: number, nowMs: number): TCreateEnvelopeRequestInput {
  assertEmail(options.sender, '--sender');
  const recipients = recipientsOf(options);
  checkRecipients(recipients);
  const reminders = remindersOf(options);
  const request: TCreateEnvelopeRequestInput = {
    ...(options.id ? { envelopeId: options.id } : {}),
    subject: options.subject,
    ...(options.message ? { message: options.message } : {}),
    sender: { email: options.sender, ...(options.senderName ? { name: options.senderName } : {}) },
    documents: options.library.map((libraryPath) => ({ libraryPath })),
    recipients,
    routing: options.parallel ? 'PARALLEL' : 'SEQUENTIAL',
    ...(options.expires ? deadlineOf(options.expires, nowMs) : {}),
    ...(options.warnBefore ? { expiryWarning: checkedDuration(options.warnBefore) } : {}),
    ...(reminders !== undefined ? { reminders } : {}),
    allowDelegation: options.delegation,
  };
  if (fileCount + options.library.length === 0) {
    throw new AppError(AppErrorCode.VALIDATION_FAILED, { message: 'give at least one PDF file or --library <path>' });
  }
  parseOrThrow(ZCreateEnvelopeRequestSchema, request);
  return request;
}

const PDF_HEADER = Buffer.from('%PDF-');

/** Reads a local file to upload: DOCUMENT_NOT_FOUND when missing, the API's codes when clearly not a PDF. */
export async function readPdfFile(
  readFile: (file: string) => Promise<Buffer>,
  file: string,
): Promise<{ fileName: string; bytes: Buffer }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new AppError(AppErrorCode.DOCUMENT_NOT_FOUND, { message: `cannot read ${file}`, cause: error });
  }
  if (bytes.length === 0) throw new AppError(AppErrorCode.INVALID_DOCUMENT, { message: `${file} is empty` });
  if (bytes.subarray(0, 1024).indexOf(PDF_HEADER) === -1)
    throw new AppError(AppErrorCode.NOT_A_PDF, { message: `${file} is not a PDF` });
  return { fileName: path.basename(file), bytes };
}
