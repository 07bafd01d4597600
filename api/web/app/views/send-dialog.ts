import type { Session } from '../api';
import { api, ApiError } from '../api';
import { openDialog } from '../dialog';
import { field, h, option, setFieldError } from '../dom';
import { t } from '../i18n';
import { announce } from '../layout';
import { navigate } from '../router';
import type { Template } from '../types';
import type { RecipientDefaults, RecipientRow } from './recipient-rows';
import { createRecipientRow } from './recipient-rows';
import type { SendControls } from './send-form';
import { controlOfField, dateInDays, errorSummary, sendRequestOf, validateSendForm } from './send-form';

function daysOf(duration: string | undefined): string | undefined {
  const match = /^(\d+)d$/.exec(duration ?? '');
  return match?.[1];
}

/** Templates of the signed-in sender; none when the API has no templates (yet) or cannot list them. */
async function loadTemplates(): Promise<Template[]> {
  try {
    return (await api<{ templates: Template[] }>('GET', '/api/v1/templates')).templates;
  } catch {
    return [];
  }
}

function buildControls(): Omit<SendControls, 'rows'> {
  const number = (id: string, value: number, min: number, max: number) =>
    h('input', { id, type: 'number', min, max, step: 1, value, required: true });
  const checkbox = (id: string, checked: boolean) => {
    const box = h('input', { id, type: 'checkbox' });
    box.checked = checked;
    return box;
  };
  return {
    subject: h('input', { id: 'send-subject', type: 'text', maxlength: 200, required: true }),
    message: h('textarea', { id: 'send-message', maxlength: 5000, rows: 3 }),
    deadline: h('input', {
      id: 'send-deadline',
      type: 'date',
      required: true,
      min: dateInDays(1),
      value: dateInDays(14),
    }),
    warningDays: number('send-warning', 2, 0, 365),
    reminders: checkbox('send-reminders', true),
    firstAfter: number('send-first-after', 3, 1, 365),
    every: number('send-every', 2, 1, 365),
    maxReminders: number('send-max', 3, 0, 50),
    allowDelegation: checkbox('send-delegation', true),
  };
}

/**
 * The "Send for signature" dialog for `documents` (library paths): recipients (role, order, on-behalf-of,
 * authentication, language), subject, message, deadline, warning, reminders, delegation, template. Checked
 * here first, then by the server, whose errors are shown at the field they name.
 */
export function openSendDialog(session: Session, documents: string[], onSent: () => void): void {
  const dialog = openDialog(t('sendTitle'));
  const controls: SendControls = { ...buildControls(), rows: [] };
  const rowsBox = h('div', { id: 'recipient-rows' });
  const summary = errorSummary();

  const currentValues = (): RecipientDefaults[] =>
    controls.rows.map((row) => ({
      name: row.name.value,
      email: row.email.value,
      role: row.role.value,
      routingOrder: Number(row.routingOrder.value),
      onBehalfOf: row.onBehalfOf.value,
      authentication: row.authentication.value,
      locale: row.locale.value,
    }));
  const setRecipients = (list: RecipientDefaults[]) => {
    controls.rows = list.map((defaults, index) => createRecipientRow(index, defaults));
    controls.rows.forEach((row: RecipientRow, index) => {
      row.remove.hidden = controls.rows.length === 1;
      row.remove.addEventListener('click', () => {
        const values = currentValues();
        values.splice(index, 1);
        setRecipients(values);
        controls.rows[Math.max(0, index - 1)]?.email.focus();
      });
    });
    rowsBox.replaceChildren(...controls.rows.map((row) => row.element));
  };
  setRecipients([{}]);

  const addButton = h('button', { type: 'button', id: 'add-recipient' }, t('addRecipient'));
  addButton.addEventListener('click', () => {
    setRecipients([...currentValues(), { routingOrder: controls.rows.length + 1 }]);
    controls.rows[controls.rows.length - 1]?.email.focus();
  });

  const templateSelect = h('select', { id: 'send-template' }, option('', t('noTemplate')));
  const templateField = field(t('template'), templateSelect);
  templateField.hidden = true;
  void loadTemplates().then((templates) => {
    for (const template of templates) templateSelect.append(option(template.id, template.name));
    templateField.hidden = templates.length === 0;
    templateSelect.addEventListener('change', () => {
      const template = templates.find((candidate) => candidate.id === templateSelect.value);
      if (template) applyTemplate(template);
    });
  });
  const applyTemplate = (template: Template) => {
    const settings = template.settings;
    if (settings.subject) controls.subject.value = settings.subject;
    if (settings.message) controls.message.value = settings.message;
    if (settings.allowDelegation !== undefined) controls.allowDelegation.checked = settings.allowDelegation;
    if (settings.reminders === false) controls.reminders.checked = false;
    else if (settings.reminders) {
      controls.reminders.checked = true;
      controls.firstAfter.value = daysOf(settings.reminders.firstAfter) ?? controls.firstAfter.value;
      controls.every.value = daysOf(settings.reminders.every) ?? controls.every.value;
      controls.maxReminders.value = String(settings.reminders.max);
    }
    setRecipients(
      settings.recipients.map((slot, index) => ({
        ...slot,
        name: slot.name ?? (slot.email ? '' : slot.label),
        routingOrder: slot.routingOrder ?? index + 1,
      })),
    );
  };

  const submit = h('button', { type: 'submit', class: 'primary', id: 'send-submit' }, t('send'));
  const cancel = h('button', { type: 'button' }, t('cancel'));
  cancel.addEventListener('click', () => dialog.close());
  const reminderFields = h(
    'div',
    { class: 'grid', id: 'reminder-fields' },
    field(t('firstAfter'), controls.firstAfter),
    field(t('every'), controls.every),
    field(t('maxReminders'), controls.maxReminders),
  );
  controls.reminders.addEventListener('change', () => (reminderFields.hidden = !controls.reminders.checked));

  const form = h(
    'form',
    { novalidate: true, id: 'send-form' },
    summary,
    h(
      'p',
      {},
      `${t('documentsToSend')}: `,
      h('span', { id: 'send-documents' }, documents.map((path) => path.split('/').pop()).join(', ')),
    ),
    templateField,
    h('h3', {}, t('recipients')),
    h('p', { id: 'routing-hint', class: 'hint' }, t('routingHint')),
    rowsBox,
    addButton,
    field(t('subject'), controls.subject),
    field(t('message'), controls.message),
    h(
      'div',
      { class: 'grid' },
      field(t('deadline'), controls.deadline),
      field(t('expiryWarning'), controls.warningDays),
    ),
    h('div', { class: 'check' }, controls.reminders, h('label', { for: controls.reminders.id }, t('reminders'))),
    reminderFields,
    h(
      'div',
      { class: 'check' },
      controls.allowDelegation,
      h('label', { for: controls.allowDelegation.id }, t('allowDelegation')),
    ),
    h('div', { class: 'dialog-actions' }, submit, cancel),
  );
  dialog.body.append(form);

  const showProblems = (problems: Array<{ control: HTMLElement | undefined; message: string }>) => {
    for (const element of form.querySelectorAll('[aria-invalid]')) setFieldError(element as HTMLElement, undefined);
    const general: string[] = [];
    for (const problem of problems) {
      if (problem.control) setFieldError(problem.control, problem.message);
      else general.push(problem.message);
    }
    summary.replaceChildren(h('p', {}, t('errorSummary')), ...general.map((text) => h('p', {}, text)));
    summary.hidden = problems.length === 0;
    const first = problems.find((problem) => problem.control)?.control;
    (first ?? summary).focus();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const problems = validateSendForm(controls);
    if (problems.length > 0) {
      showProblems(problems.map((problem) => ({ control: problem.control, message: t(problem.key, problem.params) })));
      return;
    }
    submit.disabled = true;
    submit.textContent = t('sending');
    const body = sendRequestOf(controls, documents, { email: session.email, name: session.name });
    api<{ envelopeId: string }>('POST', '/api/v1/envelopes', body)
      .then((created) => {
        dialog.close();
        onSent();
        announce(t('sentTo', { subject: String(body.subject) }));
        navigate(`/app/envelopes/${encodeURIComponent(created.envelopeId)}`);
      })
      .catch((error: unknown) => {
        submit.disabled = false;
        submit.textContent = t('send');
        const apiError = error instanceof ApiError ? error : undefined;
        const message = apiError ? `${apiError.message} (${apiError.code})` : String(error);
        showProblems([{ control: apiError?.field ? controlOfField(controls, apiError.field) : undefined, message }]);
      });
  });
}
