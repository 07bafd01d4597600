// DOM building without innerHTML: every text goes in through textContent, so data can never become markup.

import { h, uniqueId } from '../common/dom';

// The signing page's DOM builder serves the sender UI too; the form helpers below are the UI's own.
export { append, h, replaceChildren } from '../common/dom';

/** A labelled form control: `<div class="field"><label for>…</label>control<p class="field-error" id></p></div>`. */
export function field(label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): HTMLElement {
  control.id ||= uniqueId('field');
  const error = h('p', { class: 'field-error', id: `${control.id}-error`, hidden: true });
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, error);
}

/** Shows (or clears, with undefined) a field's error, wired to the control with aria-invalid/aria-describedby. */
export function setFieldError(control: HTMLElement, message: string | undefined): void {
  const error = document.getElementById(`${control.id}-error`);
  if (!error) return;
  error.textContent = message ?? '';
  error.hidden = !message;
  if (message) {
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', error.id);
  } else {
    control.removeAttribute('aria-invalid');
    control.removeAttribute('aria-describedby');
  }
}

export function option(value: string, label: string, selected = false): HTMLOptionElement {
  const element = h('option', { value }, label);
  element.selected = selected;
  return element;
}
