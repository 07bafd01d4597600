import { LOCALE_NAMES, LOCALES, RECIPIENT_AUTHENTICATIONS, RECIPIENT_ROLES } from '@signet/shared';
import { field, h, option } from '../dom';
import { t, tOr } from '../i18n';

/** One recipient's controls in the send dialog. */
export type RecipientRow = {
  element: HTMLFieldSetElement;
  name: HTMLInputElement;
  email: HTMLInputElement;
  role: HTMLSelectElement;
  routingOrder: HTMLInputElement;
  onBehalfOf: HTMLInputElement;
  authentication: HTMLSelectElement;
  locale: HTMLSelectElement;
  remove: HTMLButtonElement;
};

export type RecipientDefaults = {
  name?: string;
  email?: string;
  role?: string;
  routingOrder?: number;
  onBehalfOf?: string;
  authentication?: string;
  locale?: string;
};

function select(
  values: readonly string[],
  label: (value: string) => string,
  chosen: string | undefined,
): HTMLSelectElement {
  const element = h('select', {});
  for (const value of values) element.append(option(value, label(value), value === chosen));
  return element;
}

/** Builds the controls of recipient `index` (from 0), filled with `defaults`. */
export function createRecipientRow(index: number, defaults: RecipientDefaults = {}): RecipientRow {
  const n = index + 1;
  const name = h('input', { type: 'text', maxlength: 200, autocomplete: 'off', value: defaults.name ?? '' });
  const email = h('input', {
    type: 'email',
    maxlength: 254,
    autocomplete: 'off',
    required: true,
    value: defaults.email ?? '',
  });
  const role = select(RECIPIENT_ROLES, (value) => tOr(`role${value}`, value), defaults.role ?? 'SIGNER');
  const routingOrder = h('input', {
    type: 'number',
    min: 1,
    max: 1000,
    step: 1,
    required: true,
    value: defaults.routingOrder ?? n,
  });
  const onBehalfOf = h('input', { type: 'text', maxlength: 200, value: defaults.onBehalfOf ?? '' });
  const authentication = select(
    RECIPIENT_AUTHENTICATIONS,
    (value) => tOr(`auth${value}`, value),
    defaults.authentication ?? 'LINK',
  );
  const locale = select(
    ['', ...LOCALES],
    (value) => (value ? LOCALE_NAMES[value as keyof typeof LOCALE_NAMES] : t('languageDefault')),
    defaults.locale ?? '',
  );
  const remove = h('button', { type: 'button', class: 'link-button' }, t('removeRecipient', { n }));
  for (const [control, key] of [
    [name, 'name'],
    [email, 'email'],
    [role, 'role'],
    [routingOrder, 'routingOrder'],
    [onBehalfOf, 'onBehalfOf'],
    [authentication, 'authentication'],
    [locale, 'locale'],
  ] as const) {
    control.id = `recipient-${index}-${key}`;
  }
  const element = h(
    'fieldset',
    { class: 'recipient-row' },
    h('legend', {}, t('recipientN', { n })),
    h(
      'div',
      { class: 'grid' },
      field(t('name'), name),
      field(t('email'), email),
      field(t('role'), role),
      field(t('routingOrder'), routingOrder),
      field(t('onBehalfOf'), onBehalfOf),
      field(t('authentication'), authentication),
      field(t('recipientLanguage'), locale),
    ),
    remove,
  );
  routingOrder.setAttribute('aria-describedby', 'routing-hint');
  return { element, name, email, role, routingOrder, onBehalfOf, authentication, locale, remove };
}
