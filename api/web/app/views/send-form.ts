import { h } from '../dom';
import { locale } from '../i18n';
import type { RecipientRow } from './recipient-rows';

// The send dialog's controls as a request body, and the checks the server would make, so most mistakes are
// shown before anything is sent. The server stays the judge: its codes are shown per field too.

export type SendControls = {
  subject: HTMLInputElement;
  message: HTMLTextAreaElement;
  deadline: HTMLInputElement;
  warningDays: HTMLInputElement;
  reminders: HTMLInputElement;
  firstAfter: HTMLInputElement;
  every: HTMLInputElement;
  maxReminders: HTMLInputElement;
  allowDelegation: HTMLInputElement;
  rows: RecipientRow[];
};

export type FieldProblem = {
  control: HTMLElement;
  key: 'errRequired' | 'errEmail' | 'errDuplicate' | 'errFuture' | 'errNumber' | 'errActing';
  params?: Record<string, number>;
};

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

function wholeNumber(input: HTMLInputElement, min: number, max: number): number | undefined {
  const value = Number(input.value);
  return input.value.trim() !== '' && Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}

/** The end of the chosen day in the sender's own time zone, as an ISO instant. */
export function endOfDay(date: string): string {
  return new Date(`${date}T23:59:00`).toISOString();
}

/** A date input value `days` from today. */
export function dateInDays(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Every problem the form has, in reading order; empty when it may be sent. */
export function validateSendForm(controls: SendControls): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!controls.subject.value.trim()) problems.push({ control: controls.subject, key: 'errRequired' });
  const seen = new Set<string>();
  for (const row of controls.rows) {
    const email = row.email.value.trim().toLowerCase();
    if (!email) problems.push({ control: row.email, key: 'errRequired' });
    else if (!EMAIL.test(email)) problems.push({ control: row.email, key: 'errEmail' });
    else if (seen.has(email)) problems.push({ control: row.email, key: 'errDuplicate' });
    seen.add(email);
    if (wholeNumber(row.routingOrder, 1, 1000) === undefined) {
      problems.push({ control: row.routingOrder, key: 'errNumber', params: { min: 1, max: 1000 } });
    }
  }
  const acting = controls.rows.some((row) => row.role.value === 'SIGNER' || row.role.value === 'APPROVER');
  const firstRole = controls.rows[0]?.role;
  if (!acting && firstRole) problems.push({ control: firstRole, key: 'errActing' });
  if (!controls.deadline.value || new Date(endOfDay(controls.deadline.value)).getTime() <= Date.now()) {
    problems.push({ control: controls.deadline, key: 'errFuture' });
  }
  if (wholeNumber(controls.warningDays, 0, 365) === undefined) {
    problems.push({ control: controls.warningDays, key: 'errNumber', params: { min: 0, max: 365 } });
  }
  if (controls.reminders.checked) {
    for (const [input, min, max] of [
      [controls.firstAfter, 1, 365],
      [controls.every, 1, 365],
      [controls.maxReminders, 0, 50],
    ] as const) {
      if (wholeNumber(input, min, max) === undefined)
        problems.push({ control: input, key: 'errNumber', params: { min, max } });
    }
  }
  return problems;
}

/** The `POST /api/v1/envelopes` body for a valid form. */
export function sendRequestOf(
  controls: SendControls,
  documents: string[],
  sender: { email: string; name: string },
): Record<string, unknown> {
  const text = (input: HTMLInputElement | HTMLTextAreaElement) => input.value.trim() || undefined;
  return {
    subject: controls.subject.value.trim(),
    message: text(controls.message),
    // The sender's own mails about this envelope come in the language they use the UI in.
    sender: { ...sender, locale: locale() },
    documents: documents.map((libraryPath) => ({ libraryPath })),
    recipients: controls.rows.map((row) => ({
      email: row.email.value.trim(),
      name: text(row.name),
      role: row.role.value,
      routingOrder: Number(row.routingOrder.value),
      onBehalfOf: text(row.onBehalfOf),
      authentication: row.authentication.value,
      locale: row.locale.value || undefined,
    })),
    expiresAt: endOfDay(controls.deadline.value),
    expiryWarning: `${Number(controls.warningDays.value)}d`,
    reminders: controls.reminders.checked
      ? {
          firstAfter: `${controls.firstAfter.value}d`,
          every: `${controls.every.value}d`,
          max: Number(controls.maxReminders.value),
        }
      : false,
    allowDelegation: controls.allowDelegation.checked,
  };
}

/** The control a server error's field path names (`recipients.1.email`, `subject`, `expiresAt`, …). */
export function controlOfField(controls: SendControls, path: string): HTMLElement | undefined {
  const recipient = /^recipients\.(\d+)\.(\w+)/.exec(path);
  if (recipient) {
    const row = controls.rows[Number(recipient[1])];
    if (!row) return undefined;
    const name = recipient[2] === 'recordNationalId' ? 'authentication' : recipient[2];
    const control = (row as unknown as Record<string, unknown>)[name ?? ''];
    return control instanceof HTMLElement ? control : row.email;
  }
  const top: Record<string, HTMLElement> = {
    subject: controls.subject,
    message: controls.message,
    expiresAt: controls.deadline,
    expiresIn: controls.deadline,
    expiryWarning: controls.warningDays,
    'reminders.firstAfter': controls.firstAfter,
    'reminders.every': controls.every,
    'reminders.max': controls.maxReminders,
  };
  return top[path] ?? top[path.split('.')[0] ?? ''];
}

export function errorSummary(): HTMLElement {
  return h('div', { class: 'form-errors', id: 'send-errors', role: 'alert', tabindex: -1, hidden: true });
}
