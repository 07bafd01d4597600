import type { Session } from '../api';
import { api, ApiError } from '../api';
import { h, replaceChildren } from '../dom';
import { formatDate, formatDateTime, t, tOr } from '../i18n';
import { routeLink } from '../router';
import type { AuditEvent, EnvelopeView, RecipientView } from '../types';
import { envelopeActions, recipientActions } from './envelope-actions';

function definition(term: string, value: string): HTMLElement[] {
  return [h('dt', {}, term), h('dd', {}, value)];
}

function summary(envelope: EnvelopeView): HTMLElement {
  return h(
    'section',
    { 'aria-labelledby': 'summary-title' },
    h('h2', { id: 'summary-title' }, t('summary')),
    h(
      'dl',
      { class: 'summary', id: 'envelope-summary' },
      ...definition(t('colStatus'), tOr(`status${envelope.status}`, envelope.status)),
      ...definition(
        t('colProgress'),
        t('progressOf', { done: envelope.progress.done, required: envelope.progress.required }),
      ),
      ...definition(t('sender'), `${envelope.sender.name} <${envelope.sender.email}>`),
      ...definition(t('created'), formatDateTime(envelope.createdAt)),
      ...definition(t('colExpiry'), formatDateTime(envelope.expiresAt)),
      ...(envelope.endedAt ? definition(t('ended'), formatDateTime(envelope.endedAt)) : []),
      ...definition(t('legalHold'), envelope.legalHold ? t('yes') : t('no')),
    ),
    envelope.message ? h('p', { class: 'message' }, envelope.message) : null,
  );
}

function documents(envelope: EnvelopeView): HTMLElement {
  const base = `/api/v1/envelopes/${encodeURIComponent(envelope.envelopeId)}`;
  return h(
    'section',
    { 'aria-labelledby': 'documents-title' },
    h('h2', { id: 'documents-title' }, t('documents')),
    h(
      'ul',
      { id: 'envelope-documents' },
      ...envelope.documents.map((document, index) =>
        h(
          'li',
          {},
          h(
            'a',
            { href: `${base}/documents/${index}/original`, download: '' },
            t('downloadOriginal', { name: document.name }),
          ),
          envelope.status === 'COMPLETED'
            ? h(
                'a',
                { href: `${base}/documents/${index}/signed`, download: '', class: 'signed' },
                t('downloadSigned', { name: document.name }),
              )
            : null,
        ),
      ),
      h('li', {}, h('a', { href: `${base}/audit.pdf`, download: '' }, t('downloadAudit'))),
    ),
  );
}

function timeline(recipient: RecipientView, events: AuditEvent[]): HTMLElement {
  const own = events.filter((event) => event.recipientId === recipient.id || event.actor.recipientId === recipient.id);
  if (own.length === 0) return h('p', {}, t('noEvents'));
  return h(
    'ol',
    { class: 'timeline', 'aria-label': t('timeline', { name: recipient.name || recipient.email }) },
    ...own.map((event) =>
      h(
        'li',
        {},
        h('time', { datetime: event.at }, formatDateTime(event.at)),
        ' ',
        tOr(`event${event.type}`, event.type),
      ),
    ),
  );
}

function recipients(envelope: EnvelopeView, refresh: () => void): HTMLElement {
  return h(
    'section',
    { 'aria-labelledby': 'recipients-title' },
    h('h2', { id: 'recipients-title' }, t('recipientsTitle')),
    h(
      'ol',
      { class: 'recipients', id: 'envelope-recipients' },
      ...[...envelope.recipients]
        .sort((a, b) => a.routingOrder - b.routingOrder)
        .map((recipient) =>
          h(
            'li',
            { class: 'recipient', 'data-recipient-id': recipient.id },
            h('h3', {}, `${recipient.name || recipient.email} <${recipient.email}>`),
            h(
              'p',
              {},
              `${tOr(`role${recipient.role}`, recipient.role)} · ${t('routingOrder')} ${recipient.routingOrder} · `,
              h('strong', { class: 'recipient-status' }, tOr(`recipient${recipient.status}`, recipient.status)),
              recipient.nextReminderAt ? ` · ${t('colNextReminder')}: ${formatDate(recipient.nextReminderAt)}` : '',
            ),
            timeline(recipient, envelope.audit),
            recipientActions(envelope, recipient, refresh),
          ),
        ),
    ),
  );
}

/** The envelope page: summary, documents with downloads, recipients with their timeline, and the actions. */
export async function renderEnvelope(envelopeId: string, session: Session): Promise<HTMLElement> {
  const section = h('section', { class: 'envelope-page' });
  const back = routeLink('/app/envelopes', t('backToEnvelopes'));
  let envelope: EnvelopeView;
  try {
    envelope = await api('GET', `/api/v1/envelopes/${encodeURIComponent(envelopeId)}`);
  } catch (error) {
    const missing = error instanceof ApiError && [403, 404].includes(error.status);
    const text = missing ? t('envelopeMissing') : t('errorGeneric', { message: (error as Error).message });
    replaceChildren(section, back, h('h1', { id: 'envelope-missing' }, text));
    return section;
  }
  const refresh = () => {
    void renderEnvelope(envelopeId, session).then((view) => {
      section.replaceWith(view);
      // The control that was used is gone with the old view: focus goes to the page's heading, not to <body>.
      const heading = view.querySelector('h1');
      if (heading) {
        heading.tabIndex = -1;
        heading.focus();
      }
    });
  };
  replaceChildren(
    section,
    back,
    h('h1', { id: 'envelope-subject' }, envelope.subject),
    summary(envelope),
    h(
      'section',
      { 'aria-labelledby': 'actions-title' },
      h('h2', { id: 'actions-title' }, t('actions')),
      envelopeActions(envelope, refresh),
    ),
    documents(envelope),
    recipients(envelope, refresh),
  );
  return section;
}
