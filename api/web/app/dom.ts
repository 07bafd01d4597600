// DOM building without innerHTML: every text goes in through textContent, so data can never become markup.

type Attributes = Record<string, string | number | boolean | undefined>;
type Child = Node | string | false | null | undefined;

/**
 * Creates `<tag>` with attributes (`false`/`undefined` omitted, `true` as an empty attribute) and children
 * (strings become text nodes). Event handlers are attached by the caller with addEventListener.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === false || child === null || child === undefined) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces every child of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

let counter = 0;
/** A document-unique id for label/aria wiring. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A labelled form control: `<div class="field"><label for>…</label>control<p class="field-error" id></p></div>`. */
export function field(label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): HTMLElement {
  control.id ||= uid('field');
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
