import type { Session } from '../api';
import { api } from '../api';
import { h } from '../dom';
import { formatDate, t, tOr } from '../i18n';
import { announceError } from '../layout';
import { routeLink } from '../router';
import type { LibraryItem } from '../types';
import { openSendDialog } from './send-dialog';

function statusCells(item: LibraryItem): HTMLElement[] {
  const status = item.status;
  if (!status)
    return [h('td', {}, t('notSent')), h('td', {}, '—'), h('td', {}, '—'), h('td', {}, '—'), h('td', {}, '—')];
  const envelopeHref = `/app/envelopes/${encodeURIComponent(status.envelopeId)}`;
  return [
    h('td', {}, routeLink(envelopeHref, tOr(`status${status.status}`, status.status))),
    h('td', {}, t('progressOf', { done: status.progress.done, required: status.progress.required })),
    h('td', {}, formatDate(status.expiresAt)),
    h('td', {}, status.status === 'PENDING' ? formatDate(status.nextReminderAt) : '—'),
    h('td', {}, status.signedCopyPath ? routeLink(envelopeHref, t('signedCopyLink', { name: item.name })) : '—'),
  ];
}

/** Documents that are in a pending envelope cannot be sent again until it ends. */
function isSendable(item: LibraryItem): boolean {
  return item.status?.status !== 'PENDING';
}

/** The Library view: the local library's documents with their status columns; select some, send them. */
export async function renderLibrary(session: Session): Promise<HTMLElement> {
  const section = h(
    'section',
    { 'aria-labelledby': 'library-title' },
    h('h1', { id: 'library-title' }, t('libraryTitle')),
  );
  let items: LibraryItem[];
  try {
    items = (await api<{ items: LibraryItem[] }>('GET', '/api/v1/library')).items;
  } catch (error) {
    announceError(t('errorGeneric', { message: (error as Error).message }));
    return section;
  }
  const selected = new Set<string>();
  const count = h('span', { id: 'selected-count', 'aria-live': 'polite' }, t('selectedCount', { count: 0 }));
  const sendButton = h(
    'button',
    { type: 'button', id: 'send-for-signature', class: 'primary', disabled: true },
    t('sendForSignature'),
  );
  const update = () => {
    count.textContent = t('selectedCount', { count: selected.size });
    sendButton.disabled = selected.size === 0;
  };
  const rows = items.map((item) => {
    const box = h('input', {
      type: 'checkbox',
      'aria-label': t('selectDocument', { name: item.name }),
      disabled: !isSendable(item),
    });
    box.dataset.path = item.path;
    box.addEventListener('change', () => {
      if (box.checked) selected.add(item.path);
      else selected.delete(item.path);
      update();
    });
    return h('tr', {}, h('td', {}, box), h('th', { scope: 'row' }, item.name), ...statusCells(item));
  });
  sendButton.addEventListener('click', () =>
    openSendDialog(session, [...selected], () => {
      // Re-render the library so the new envelope's status shows.
      void renderLibrary(session).then((view) => section.replaceWith(view));
    }),
  );
  const headers = [
    'colSelect',
    'colDocument',
    'colStatus',
    'colProgress',
    'colExpiry',
    'colNextReminder',
    'colSignedCopy',
  ] as const;
  const table = h(
    'table',
    { class: 'data-table', id: 'library-table' },
    h('caption', {}, t('libraryCaption')),
    h('thead', {}, h('tr', {}, ...headers.map((key) => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, ...rows),
  );
  section.append(
    h('div', { class: 'toolbar' }, sendButton, count),
    items.length === 0 ? h('p', {}, t('libraryEmpty')) : table,
  );
  return section;
}
