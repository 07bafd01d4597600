import type {
  TCreateEnvelopeFromTemplateRequest,
  TCreateEnvelopeRequestInput,
  TRecipientRequestInput,
  TTemplateRecipient,
  TTemplateRecipientFill,
  TTemplateSettings,
} from '@signet/shared';
import { AppError, AppErrorCode } from '@signet/shared';

function mismatch(message: string, details: Record<string, unknown>): AppError {
  return new AppError(AppErrorCode.TEMPLATE_RECIPIENTS_MISMATCH, { message, details });
}

/** Explicit fill fields win over the slot's; a fixed co-signer without a fill keeps the slot's person. */
function mergeRecipient(slot: TTemplateRecipient, fill: TTemplateRecipientFill | undefined): TRecipientRequestInput {
  const email = fill?.email ?? slot.email ?? '';
  const name = fill?.name ?? slot.name;
  const routingOrder = fill?.routingOrder ?? slot.routingOrder;
  const onBehalfOf = fill?.onBehalfOf ?? slot.onBehalfOf;
  const locale = fill?.locale ?? slot.locale;
  return {
    email,
    role: fill?.role ?? slot.role,
    authentication: fill?.authentication ?? slot.authentication,
    recordNationalId: fill?.recordNationalId ?? slot.recordNationalId,
    ...(name !== undefined ? { name } : {}),
    ...(routingOrder !== undefined ? { routingOrder } : {}),
    ...(onBehalfOf !== undefined ? { onBehalfOf } : {}),
    ...(locale !== undefined ? { locale } : {}),
  };
}

function fillByLabel(slots: TTemplateRecipient[], fills: TTemplateRecipientFill[]): TRecipientRequestInput[] {
  const byLabel = new Map<string, TTemplateRecipientFill>();
  for (const fill of fills) {
    const label = (fill.placeholder ?? '').toLowerCase();
    if (!slots.some((slot) => slot.label.toLowerCase() === label)) {
      throw mismatch(`the template has no placeholder "${fill.placeholder}"`, { placeholder: fill.placeholder });
    }
    if (byLabel.has(label)) throw mismatch(`placeholder "${fill.placeholder}" is filled twice`, { placeholder: label });
    byLabel.set(label, fill);
  }
  return slots.map((slot) => {
    const fill = byLabel.get(slot.label.toLowerCase());
    if (!fill && slot.email === undefined) {
      throw mismatch(`placeholder "${slot.label}" is not filled`, { placeholder: slot.label });
    }
    return mergeRecipient(slot, fill);
  });
}

function fillInOrder(slots: TTemplateRecipient[], fills: TTemplateRecipientFill[]): TRecipientRequestInput[] {
  const open = slots.filter((slot) => slot.email === undefined);
  if (fills.length !== open.length) {
    throw mismatch(`the template has ${open.length} placeholder(s) to fill; ${fills.length} recipient(s) were given`, {
      expected: open.map((slot) => slot.label),
      given: fills.length,
    });
  }
  let next = 0;
  return slots.map((slot) => mergeRecipient(slot, slot.email === undefined ? fills[next++] : undefined));
}

/**
 * The template's recipients with the request's people in them: by `placeholder` label when the fills name
 * one (then every fill must), else the open placeholders (those without a fixed e-mail) in template order.
 * TEMPLATE_RECIPIENTS_MISMATCH on a count mismatch, an unknown or repeated label, or an unfilled placeholder.
 */
export function fillPlaceholders(
  slots: TTemplateRecipient[],
  fills: TTemplateRecipientFill[],
): TRecipientRequestInput[] {
  const labelled = fills.filter((fill) => fill.placeholder !== undefined).length;
  if (labelled > 0 && labelled < fills.length) {
    throw mismatch('name a placeholder for every recipient or for none', { labelled, given: fills.length });
  }
  return labelled > 0 ? fillByLabel(slots, fills) : fillInOrder(slots, fills);
}

/**
 * An envelope request from a template and a request that references it: the template supplies defaults,
 * fields the request gives win (an explicit `expiresAt` replaces the template's `expiresIn`). The result
 * still goes through ZCreateEnvelopeRequestSchema and every create rule.
 */
export function applyTemplate(
  settings: TTemplateSettings,
  request: TCreateEnvelopeFromTemplateRequest,
): TCreateEnvelopeRequestInput {
  const subject = request.subject ?? settings.subject;
  if (subject === undefined) {
    throw new AppError(AppErrorCode.VALIDATION_FAILED, {
      message: 'subject: required (the template has no subject)',
      details: { issues: [{ path: 'subject', message: 'required' }] },
    });
  }
  const message = request.message ?? settings.message;
  const expiresIn = request.expiresAt !== undefined ? request.expiresIn : (request.expiresIn ?? settings.expiresIn);
  const expiryWarning = request.expiryWarning ?? settings.expiryWarning;
  const reminders = request.reminders ?? settings.reminders;
  const allowDelegation = request.allowDelegation ?? settings.allowDelegation;
  const locale = request.locale ?? settings.locale;
  return {
    ...(request.envelopeId !== undefined ? { envelopeId: request.envelopeId } : {}),
    subject,
    ...(message !== undefined ? { message } : {}),
    sender: request.sender,
    documents: request.documents,
    recipients: fillPlaceholders(settings.recipients, request.recipients),
    routing: request.routing ?? settings.routing,
    ...(request.expiresAt !== undefined ? { expiresAt: request.expiresAt } : {}),
    ...(expiresIn !== undefined ? { expiresIn } : {}),
    ...(expiryWarning !== undefined ? { expiryWarning } : {}),
    ...(reminders !== undefined ? { reminders } : {}),
    ...(allowDelegation !== undefined ? { allowDelegation } : {}),
    ...(request.legalHold !== undefined ? { legalHold: request.legalHold } : {}),
    ...(locale !== undefined ? { locale } : {}),
  };
}
