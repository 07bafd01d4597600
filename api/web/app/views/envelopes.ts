import { ENVELOPE_STATUSES } from '@signet/shared';
import { api } from '../api';
import { field, h, option } from '../dom';
import { formatDate, t, tOr } from '../i18n';
import { announceError } from '../layout';
import { navigate, routeLink } from '../router';
import type { EnvelopeSummary } from '../types';

const TABS = [
  { view: '', key: 'tabAll' },
  { view: 'expiring-soon', key: 'tabExpiring' },
  { view: 'needs-attention', key: 'tabAttention' },
] as const;

/** The list query for the URL's parameters (view, status, q, page token), as the API takes it. */
function listQuery(params: URLSearchParams): URLSearchParams {
  const query = new URLSearchParams({ pageSize: '25' });
  for (const name of ['view', 'status', 'q', 'nextPageToken']) {
    const value = params.get(name);
    if (value) query.set(name, value);
  }
  return query;
}

function hrefWith(params: URLSearchParams, changes: Record<string, string | undefined>): string {
  const next = new URLSearchParams(params);
  next.delete('nextPageToken');
  for (const [name, value] of Object.entries(changes)) {
    if (value) next.set(name, value);
    else next.delete(name);
  }
  const text = next.toString();
  return `/app/envelopes${text ? `?${text}` : ''}`;
}

function tabs(params: URLSearchParams): HTMLElement {
  const current = params.get('view') ?? '';
  return h(
    'nav',
    { 'aria-label': t('envelopesTitle'), class: 'tabs' },
    h(
      'ul',
      {},
      ...TABS.map((tab) =>
        h(
          'li',
          {},
          routeLink(hrefWith(params, { view: tab.view }), t(tab.key), {
            id: `tab-${tab.view || 'all'}`,
            ...(tab.view === current ? { 'aria-current': 'page' } : {}),
          }),
        ),
      ),
    ),
  );
}

function filters(params: URLSearchParams): HTMLElement {
  const status = h('select', { id: 'filter-status' }, option('', t('anyStatus')));
  for (const value of ENVELOPE_STATUSES)
    status.append(option(value, tOr(`status${value}`, value), params.get('status') === value));
  const search = h('input', {
    id: 'filter-q',
    type: 'search',
    maxlength: 200,
    value: params.get('q') ?? '',
    placeholder: t('searchHint'),
  });
  const form = h(
    'form',
    { role: 'search', class: 'filters', id: 'envelope-filters' },
    field(t('filterStatus'), status),
    field(t('search'), search),
    h('button', { type: 'submit' }, t('search')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(hrefWith(params, { status: status.value || undefined, q: search.value.trim() || undefined }));
  });
  status.addEventListener('change', () => form.requestSubmit());
  return form;
}

function row(item: EnvelopeSummary): HTMLElement {
  const subject = item.subject ?? t('untitled', { id: item.envelopeId });
  return h(
    'tr',
    {},
    h('th', { scope: 'row' }, routeLink(`/app/envelopes/${encodeURIComponent(item.envelopeId)}`, subject)),
    h('td', {}, item.sender ? item.sender.name || item.sender.email : '—'),
    h('td', {}, tOr(`status${item.status}`, item.status)),
    h('td', {}, t('progressOf', { done: item.progress.done, required: item.progress.required })),
    h('td', {}, formatDate(item.startedAt)),
    h('td', {}, formatDate(item.expiresAt)),
    h('td', {}, item.status === 'PENDING' ? formatDate(item.nextReminderAt) : '—'),
  );
}

/** The Envelopes view: tabs (all, expiring soon, needs attention), status filter, search and paging. */
export async function renderEnvelopes(params: URLSearchParams): Promise<HTMLElement> {
  const section = h(
    'section',
    { 'aria-labelledby': 'envelopes-title' },
    h('h1', { id: 'envelopes-title' }, t('envelopesTitle')),
    tabs(params),
    filters(params),
  );
  let list: { items: EnvelopeSummary[]; nextPageToken?: string };
  try {
    list = await api('GET', `/api/v1/envelopes?${listQuery(params).toString()}`);
  } catch (error) {
    announceError(t('errorGeneric', { message: (error as Error).message }));
    return section;
  }
  const headers = [
    'colSubject',
    'colSender',
    'colStatus',
    'colProgress',
    'colStarted',
    'colExpiry',
    'colNextReminder',
  ] as const;
  section.append(
    list.items.length === 0
      ? h('p', { id: 'no-envelopes' }, t('noEnvelopes'))
      : h(
          'table',
          { class: 'data-table', id: 'envelopes-table' },
          h('caption', {}, t('envelopesCaption')),
          h('thead', {}, h('tr', {}, ...headers.map((key) => h('th', { scope: 'col' }, t(key))))),
          h('tbody', {}, ...list.items.map(row)),
        ),
  );
  const paging = h('div', { class: 'paging' });
  if (params.get('nextPageToken')) paging.append(routeLink(hrefWith(params, {}), t('firstPage')));
  if (list.nextPageToken) {
    const next = new URLSearchParams(params);
    next.set('nextPageToken', list.nextPageToken);
    paging.append(routeLink(`/app/envelopes?${next.toString()}`, t('nextPage'), { id: 'next-page' }));
  }
  section.append(paging);
  return section;
}
