import { api, ApiError } from '../api';
import { openDialog } from '../dialog';
import { field, h, setFieldError } from '../dom';
import { t } from '../i18n';
import { announce, announceError } from '../layout';
import type { EnvelopeView, RecipientView } from '../types';
import { dateInDays, endOfDay } from './send-form';

// The envelope page's actions. Each one calls the API, announces the outcome and re-renders the page
// (`refresh`), so what is shown is always what the workflow now says.

export type Refresh = () => void;

function base(envelope: EnvelopeView): string {
  return `/api/v1/envelopes/${encodeURIComponent(envelope.envelopeId)}`;
}

function fail(error: unknown): void {
  const message = error instanceof ApiError ? `${error.message} (${error.code})` : String(error);
  announceError(t('errorGeneric', { message }));
}

async function run(call: Promise<unknown>, done: string, refresh: Refresh): Promise<boolean> {
  try {
    await call;
  } catch (error) {
    fail(error);
    return false;
  }
  refresh();
  announce(done);
  return true;
}

function button(id: string, label: string, onClick: () => void): HTMLButtonElement {
  const element = h('button', { type: 'button', id }, label);
  element.addEventListener('click', onClick);
  return element;
}

/** A small form in a modal dialog; `submit` answers false to keep it open. */
function formDialog(
  title: string,
  fields: HTMLElement[],
  submitLabel: string,
  submit: () => Promise<boolean>,
  extra?: HTMLElement,
): void {
  const dialog = openDialog(title);
  const ok = h('button', { type: 'submit', class: 'primary', id: 'dialog-submit' }, submitLabel);
  const cancel = h('button', { type: 'button' }, t('cancel'));
  cancel.addEventListener('click', () => dialog.close());
  const form = h('form', { novalidate: true }, extra, ...fields, h('div', { class: 'dialog-actions' }, ok, cancel));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ok.disabled = true;
    void submit().then((close) => (close ? dialog.close() : (ok.disabled = false)));
  });
  dialog.body.append(form);
}

function required(input: HTMLInputElement): boolean {
  const missing = !input.value.trim();
  setFieldError(input, missing ? t('errRequired') : undefined);
  if (missing) input.focus();
  return !missing;
}

export function envelopeActions(envelope: EnvelopeView, refresh: Refresh): HTMLElement {
  const pending = envelope.status === 'PENDING';
  const box = h('div', { class: 'toolbar', id: 'envelope-actions' });
  if (pending) {
    box.append(
      button(
        'remind-all',
        t('remindAll'),
        () => void run(api('POST', `${base(envelope)}/remind`, {}), t('reminded'), refresh),
      ),
      button('extend', t('extend'), () => {
        const date = h('input', {
          id: 'extend-date',
          type: 'date',
          min: dateInDays(1),
          value: dateInDays(21),
          required: true,
        });
        formDialog(t('extend'), [field(t('newDeadline'), date)], t('save'), async () => {
          if (!required(date)) return false;
          const expiresAt = endOfDay(date.value);
          return run(
            api('POST', `${base(envelope)}/extend`, { expiresAt }),
            t('extended', { date: date.value }),
            refresh,
          );
        });
      }),
      button('add-recipient', t('addRecipientTitle'), () => {
        const name = h('input', { id: 'add-name', type: 'text', maxlength: 200 });
        const email = h('input', { id: 'add-email', type: 'email', maxlength: 254, required: true });
        const order = h('input', {
          id: 'add-order',
          type: 'number',
          min: 1,
          max: 1000,
          value: envelope.currentRoutingOrder ?? 1,
        });
        formDialog(
          t('addRecipientTitle'),
          [field(t('name'), name), field(t('email'), email), field(t('routingOrder'), order)],
          t('save'),
          async () => {
            if (!required(email)) return false;
            const body = {
              email: email.value.trim(),
              name: name.value.trim() || undefined,
              routingOrder: Number(order.value),
            };
            return run(api('POST', `${base(envelope)}/recipients`, body), t('added'), refresh);
          },
        );
      }),
      button('cancel-envelope', t('cancelEnvelope'), () => {
        const reason = h('input', { id: 'cancel-reason', type: 'text', maxlength: 2000, required: true });
        const warning = h('p', { class: 'warning' }, t('cancelWarning'));
        formDialog(
          t('cancelEnvelope'),
          [field(t('reason'), reason)],
          t('confirmCancel'),
          async () => {
            if (!required(reason)) return false;
            return run(
              api('POST', `${base(envelope)}/cancel`, { reason: reason.value.trim() }),
              t('cancelled'),
              refresh,
            );
          },
          warning,
        );
      }),
    );
  }
  const hold = !envelope.legalHold;
  box.append(
    button(
      'legal-hold',
      hold ? t('setHold') : t('releaseHold'),
      () => void run(api('POST', `${base(envelope)}/legal-hold`, { hold }), t('holdChanged'), refresh),
    ),
  );
  return box;
}

/** Remind, replace and remove for one recipient who has not acted yet. */
export function recipientActions(
  envelope: EnvelopeView,
  recipient: RecipientView,
  refresh: Refresh,
): HTMLElement | null {
  if (envelope.status !== 'PENDING' || !['PENDING', 'WAITING'].includes(recipient.status)) return null;
  const name = recipient.name || recipient.email;
  const path = `${base(envelope)}/recipients/${encodeURIComponent(recipient.id)}`;
  const box = h('div', { class: 'toolbar' });
  if (recipient.status === 'PENDING') {
    box.append(
      button(
        `remind-${recipient.id}`,
        t('remindOne', { name }),
        () =>
          void run(api('POST', `${base(envelope)}/remind`, { recipientIds: [recipient.id] }), t('reminded'), refresh),
      ),
    );
  }
  box.append(
    button(`replace-${recipient.id}`, t('replace', { name }), () => {
      const newName = h('input', { id: 'replace-name', type: 'text', maxlength: 200 });
      const email = h('input', { id: 'replace-email', type: 'email', maxlength: 254, required: true });
      formDialog(
        t('replaceTitle', { name }),
        [field(t('name'), newName), field(t('email'), email)],
        t('save'),
        async () => {
          if (!required(email)) return false;
          const body = { email: email.value.trim(), name: newName.value.trim() || undefined };
          return run(api('PUT', path, body), t('replaced'), refresh);
        },
      );
    }),
    button(`remove-${recipient.id}`, t('remove', { name }), () => {
      formDialog(
        t('remove', { name }),
        [],
        t('remove', { name }),
        async () => run(api('DELETE', path), t('removed'), refresh),
        h('p', {}, t('confirmRemove', { name })),
      );
    }),
  );
  return box;
}
