import { h } from './dom';
import { t } from './i18n';

// A modal dialog on the native <dialog> element: showModal() makes the rest of the page inert (so focus
// cannot leave it), Esc closes it (the `cancel` event), focus returns to the opener afterwards. Tab is also
// wrapped by hand, for browsers whose inert handling lets focus reach the browser chrome in between.

export type Dialog = {
  element: HTMLDialogElement;
  body: HTMLElement;
  close(): void;
};

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled])';

export function openDialog(title: string, onClose?: () => void): Dialog {
  const opener = document.activeElement as HTMLElement | null;
  const heading = h('h2', { id: 'dialog-title', tabindex: -1 }, title);
  const closeButton = h('button', { type: 'button', class: 'dialog-close', 'aria-label': t('close') }, '×');
  const body = h('div', { class: 'dialog-body' });
  const element = h(
    'dialog',
    { 'aria-labelledby': 'dialog-title', 'aria-modal': 'true', class: 'dialog' },
    h('div', { class: 'dialog-header' }, heading, closeButton),
    body,
  );
  const close = () => {
    if (element.open) element.close();
  };
  element.addEventListener('close', () => {
    element.remove();
    onClose?.();
    opener?.focus();
  });
  closeButton.addEventListener('click', close);
  element.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') return;
    const focusable = [...element.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((node) => !node.hidden);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  });
  document.body.appendChild(element);
  element.showModal();
  heading.focus();
  return { element, body, close };
}
