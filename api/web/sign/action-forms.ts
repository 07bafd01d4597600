import { h } from '../common/dom';
import { errorRegion, field, whileBusy } from '../common/form';
import { act } from './act';
import type { PageContext } from './page-context';

function panel(heading: string, id: string, ...children: Node[]): HTMLFormElement {
  return h('form', { class: 'panel', novalidate: true, 'aria-labelledby': id }, h('h2', { id }, heading), ...children);
}

function buttons(ctx: PageContext, submit: HTMLButtonElement, close: () => void): HTMLElement {
  return h(
    'div',
    { class: 'buttons' },
    submit,
    h('button', { type: 'button', class: 'button secondary', onclick: close }, ctx.i18n.t('cancel')),
  );
}

export function createApprovePanel(ctx: PageContext, close: () => void): HTMLElement {
  const { t } = ctx.i18n;
  const errors = errorRegion();
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('submitApprove'));
  const form = panel(
    t('approveHeading'),
    'approve-heading',
    h('p', {}, t('approveText')),
    errors.element,
    buttons(ctx, submit, close),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void whileBusy(submit, t('sending'), () => act(ctx, 'approved', () => ctx.api.approve(), errors.show));
  });
  return form;
}

export function createDeclinePanel(ctx: PageContext, close: () => void): HTMLElement {
  const { t } = ctx.i18n;
  const errors = errorRegion();
  const reason = h('textarea', { rows: 3, maxlength: 1000, required: true, 'aria-required': 'true' });
  const submit = h('button', { type: 'submit', class: 'button danger' }, t('submitDecline'));
  const form = panel(
    t('declineHeading'),
    'decline-heading',
    field(t('declineReason'), reason),
    errors.element,
    buttons(ctx, submit, close),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = reason.value.trim();
    if (!text) {
      errors.show(t('errorREASON_REQUIRED'));
      reason.focus();
      return;
    }
    void whileBusy(submit, t('sending'), () => act(ctx, 'declined', () => ctx.api.decline(text), errors.show));
  });
  return form;
}

export function createDelegatePanel(ctx: PageContext, close: () => void): HTMLElement {
  const { t } = ctx.i18n;
  const errors = errorRegion();
  const name = h('input', {
    type: 'text',
    autocomplete: 'off',
    maxlength: 200,
    required: true,
    'aria-required': 'true',
  });
  const email = h('input', {
    type: 'email',
    autocomplete: 'off',
    maxlength: 254,
    required: true,
    'aria-required': 'true',
  });
  const reason = h('textarea', { rows: 2, maxlength: 1000 });
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('submitDelegate'));
  const form = panel(
    t('delegateHeading'),
    'delegate-heading',
    h('p', {}, t('delegateText')),
    field(t('delegateName'), name),
    field(t('delegateEmail'), email),
    field(t('delegateReason'), reason),
    errors.element,
    buttons(ctx, submit, close),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = {
      name: name.value.trim(),
      email: email.value.trim(),
      ...(reason.value.trim() ? { reason: reason.value.trim() } : {}),
    };
    if (!body.name || !body.email) {
      errors.show(t('required'));
      (body.name ? email : name).focus();
      return;
    }
    void whileBusy(submit, t('sending'), () =>
      act(ctx, 'delegated', () => ctx.api.delegate(body), errors.show, body.name),
    );
  });
  return form;
}
