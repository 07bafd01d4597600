import { createHash } from 'node:crypto';
import type {
  TCreateEnvelopeRequest,
  TEnvelopeDocument,
  TEnvelopeWorkflowInput,
  TRecipientSlot,
  TReminderPolicy,
} from '@signet/shared';
import { AppError, AppErrorCode, isActingRole, normaliseEmail, parseDuration } from '@signet/shared';
import type { SignetConfig } from '@signet/shared/node';
import { assertValidEmail } from './assert-valid-email';
import { assertAuthenticationAvailable } from './recipient-auth/assert-authentication-available';

/** The request's deadline and timing, resolved against the clock and the configured defaults. */
export type EnvelopeTerms = {
  expiresAt: string;
  expiryWarningMs: number;
  reminders: TReminderPolicy | null;
};

export type EnvelopeInputOptions = {
  /** The request's envelopeId, or one minted by the caller. */
  envelopeId: string;
  config: Pick<SignetConfig, 'defaults' | 'retention'>;
  nowMs: number;
  newId: () => string;
  /** The library's opaque id (SourceLibrary search attribute). */
  sourceLibrary: string;
};

/**
 * Opaque sender id for the SenderId search attribute: no personal data in visibility, yet the same
 * address always maps to the same id so senders can list their envelopes.
 */
export function senderIdOf(email: string): string {
  return `u_${createHash('sha256').update(normaliseEmail(email)).digest('hex').slice(0, 24)}`;
}

function checkRecipients(request: TCreateEnvelopeRequest, recipientAuth?: SignetConfig['recipientAuth']): void {
  if (request.recipients.length === 0) throw new AppError(AppErrorCode.NO_RECIPIENTS);
  const seen = new Set<string>();
  request.recipients.forEach((recipient, index) => {
    assertValidEmail(recipient.email, `recipients.${index}.email`);
    const address = normaliseEmail(recipient.email);
    if (seen.has(address)) {
      throw new AppError(AppErrorCode.DUPLICATE_RECIPIENT, {
        message: `${recipient.email} is listed twice`,
        details: { field: `recipients.${index}.email` },
      });
    }
    seen.add(address);
    if (recipientAuth) {
      assertAuthenticationAvailable(recipientAuth, recipient.authentication, `recipients.${index}.authentication`);
    }
    if (recipient.recordNationalId && recipient.authentication !== 'STRONG') {
      throw new AppError(AppErrorCode.VALIDATION_FAILED, {
        message: 'recordNationalId needs authentication STRONG (only strong authentication gives a national id)',
        details: { field: `recipients.${index}.recordNationalId` },
      });
    }
  });
  if (!request.recipients.some((r) => isActingRole(r.role))) throw new AppError(AppErrorCode.NO_ACTING_RECIPIENT);
}

function resolveExpiresAt(request: TCreateEnvelopeRequest, nowMs: number, defaultMs: number): string {
  if (request.expiresAt !== undefined && request.expiresIn !== undefined) {
    throw new AppError(AppErrorCode.VALIDATION_FAILED, { message: 'give expiresAt or expiresIn, not both' });
  }
  const expiresMs =
    request.expiresAt !== undefined
      ? Date.parse(request.expiresAt)
      : nowMs + (request.expiresIn !== undefined ? parseDuration(request.expiresIn) : defaultMs);
  if (!(expiresMs > nowMs)) {
    throw new AppError(AppErrorCode.DEADLINE_IN_PAST, {
      message: `the deadline ${new Date(expiresMs).toISOString()} is not in the future`,
    });
  }
  return new Date(expiresMs).toISOString();
}

function resolveReminders(request: TCreateEnvelopeRequest, defaults: TReminderPolicy): TReminderPolicy | null {
  if (request.reminders === false) return null;
  if (request.reminders === undefined) return { ...defaults };
  return {
    firstAfterMs: parseDuration(request.reminders.firstAfter),
    everyMs: parseDuration(request.reminders.every),
    max: request.reminders.max,
  };
}

function assertTimeZone(timeZone: string | undefined): void {
  if (timeZone === undefined) return;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new AppError(AppErrorCode.VALIDATION_FAILED, { message: `sender.timeZone: unknown time zone "${timeZone}"` });
  }
}

/**
 * Applies every request rule that needs no I/O, in the order a user would fix them: sender, recipients
 * (NO_RECIPIENTS, INVALID_EMAIL, DUPLICATE_RECIPIENT case-insensitively, NO_ACTING_RECIPIENT), then the
 * deadline (DEADLINE_IN_PAST) and durations (INVALID_DURATION). Returns the resolved timing.
 */
export function checkEnvelopeRequest(
  request: TCreateEnvelopeRequest,
  options: Pick<EnvelopeInputOptions, 'config' | 'nowMs'> & {
    /** When given, MICROSOFT/STRONG recipients need their provider configured (AUTHENTICATION_UNAVAILABLE). */
    recipientAuth?: SignetConfig['recipientAuth'];
  },
): EnvelopeTerms {
  const { defaults } = options.config;
  assertValidEmail(request.sender.email, 'sender.email');
  assertTimeZone(request.sender.timeZone);
  checkRecipients(request, options.recipientAuth);
  return {
    expiresAt: resolveExpiresAt(request, options.nowMs, defaults.expiryMs),
    expiryWarningMs:
      request.expiryWarning !== undefined ? parseDuration(request.expiryWarning) : defaults.expiryWarningMs,
    reminders: resolveReminders(request, defaults.reminders),
  };
}

function toSlots(request: TCreateEnvelopeRequest, newId: () => string): TRecipientSlot[] {
  return request.recipients.map((recipient, index) => ({
    id: newId(),
    key: newId(),
    email: recipient.email.trim(),
    name: recipient.name ?? recipient.email.trim(),
    role: recipient.role,
    // Sequential: each recipient is its own step, in the order given. Parallel: everyone at once.
    routingOrder: recipient.routingOrder ?? (request.routing === 'PARALLEL' ? 1 : index + 1),
    ...(recipient.onBehalfOf ? { onBehalfOf: recipient.onBehalfOf } : {}),
    // LINK is the default and is left out, so slots read the same as before per-recipient authentication.
    ...(recipient.authentication !== 'LINK' ? { authentication: recipient.authentication } : {}),
    ...(recipient.recordNationalId ? { recordNationalId: true } : {}),
    ...((recipient.locale ?? request.locale) ? { locale: recipient.locale ?? request.locale } : {}),
  }));
}

/** Builds the envelope workflow's start input from a checked request and its stored documents. */
export function buildEnvelopeInput(
  request: TCreateEnvelopeRequest,
  terms: EnvelopeTerms,
  documents: TEnvelopeDocument[],
  options: EnvelopeInputOptions,
): TEnvelopeWorkflowInput {
  const senderEmail = request.sender.email.trim();
  return {
    envelopeId: options.envelopeId,
    subject: request.subject,
    ...(request.message !== undefined ? { message: request.message } : {}),
    sender: {
      id: senderIdOf(senderEmail),
      email: senderEmail,
      name: request.sender.name ?? senderEmail,
      ...(request.sender.timeZone ? { timeZone: request.sender.timeZone } : {}),
      ...(request.sender.locale ? { locale: request.sender.locale } : {}),
    },
    sourceLibrary: options.sourceLibrary,
    documents,
    recipients: toSlots(request, options.newId),
    createdAt: new Date(options.nowMs).toISOString(),
    expiresAt: terms.expiresAt,
    expiryWarningMs: terms.expiryWarningMs,
    reminders: terms.reminders,
    allowDelegation: request.allowDelegation,
    retention: options.config.retention ? { ...options.config.retention } : null,
    legalHold: request.legalHold,
  };
}
