import { h, uniqueId } from './dom';

/** A labelled control: `<label for>` + the control, one block. */
export function field(label: string, control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): HTMLElement {
  const id = control.id || uniqueId('field');
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

/** An error line announced by screen readers as soon as it changes (empty until then). */
export type ErrorRegion = { element: HTMLElement; show: (text: string) => void; clear: () => void };

export function errorRegion(): ErrorRegion {
  const element = h('p', { class: 'form-error', role: 'alert', 'aria-live': 'assertive' });
  return {
    element,
    show: (text) => {
      element.textContent = text;
    },
    clear: () => {
      element.textContent = '';
    },
  };
}

/**
 * Runs `action` with the submit button disabled and showing `busyText`; the button comes back when the
 * action fails (a success replaces the whole state anyway).
 */
export async function whileBusy(
  button: HTMLButtonElement,
  busyText: string,
  action: () => Promise<void>,
): Promise<void> {
  const label = button.textContent ?? '';
  button.disabled = true;
  button.textContent = busyText;
  try {
    await action();
  } finally {
    if (button.isConnected) {
      button.disabled = false;
      button.textContent = label;
    }
  }
}
