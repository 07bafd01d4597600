import type { SigningMessageKey } from '@signet/shared';
import { focusHeading, h, replaceChildren } from '../common/dom';
import type { RecipientView } from '../common/recipient-api';
import { createApprovePanel, createDeclinePanel, createDelegatePanel } from './action-forms';
import { renderFrame } from './layout';
import type { PageContext } from './page-context';
import { createPdfViewer } from './pdf-viewer';
import { createSignPanel } from './sign-panel';

function summary(ctx: PageContext, view: RecipientView): HTMLElement {
  const { t, dateTime } = ctx.i18n;
  return h(
    'div',
    { class: 'summary' },
    h('p', { class: 'from' }, t('fromSender', { sender: view.sender.name })),
    view.message
      ? h('figure', { class: 'message' }, h('figcaption', {}, t('message')), h('blockquote', {}, view.message))
      : null,
    h(
      'dl',
      {},
      h('dt', {}, t('yourRole')),
      h(
        'dd',
        {},
        t(`role${view.you.role}` as SigningMessageKey),
        view.you.onBehalfOf ? ` · ${t('onBehalfOfNamed', { organisation: view.you.onBehalfOf })}` : '',
      ),
      h('dt', {}, t('deadline')),
      h('dd', {}, h('time', { datetime: view.expiresAt }, dateTime(view.expiresAt))),
    ),
  );
}

function actions(ctx: PageContext, view: RecipientView): HTMLElement {
  const { t } = ctx.i18n;
  const panelBox = h('div', { class: 'panel-box' });
  const buttonRow = h('div', { class: 'buttons action-buttons' });
  const close = (): void => {
    replaceChildren(panelBox);
    buttonRow.hidden = false;
    buttonRow.querySelector('button')?.focus();
  };
  const open = (panel: HTMLElement) => (): void => {
    buttonRow.hidden = true;
    replaceChildren(panelBox, panel);
    focusHeading(panel);
  };
  const choices: Array<[string, string, () => HTMLElement, string]> = [];
  if (view.actions.includes('sign'))
    choices.push(['sign', t('actSign'), () => createSignPanel(ctx, view, close), 'primary']);
  if (view.actions.includes('approve'))
    choices.push(['approve', t('actApprove'), () => createApprovePanel(ctx, close), 'primary']);
  if (view.actions.includes('decline'))
    choices.push(['decline', t('actDecline'), () => createDeclinePanel(ctx, close), 'secondary']);
  if (view.actions.includes('delegate') && view.allowDelegation) {
    choices.push(['delegate', t('actDelegate'), () => createDelegatePanel(ctx, close), 'secondary']);
  }
  for (const [action, label, build, style] of choices) {
    buttonRow.appendChild(
      h(
        'button',
        { type: 'button', class: `button ${style}`, 'data-action': action, onclick: () => open(build())() },
        label,
      ),
    );
  }
  return h(
    'section',
    { class: 'actions', 'aria-labelledby': 'actions-heading' },
    h('h2', { id: 'actions-heading' }, t('actions')),
    buttonRow,
    panelBox,
  );
}

/** The recipient's turn: who asks what, the documents, and what they may do. */
export function renderReady(ctx: PageContext, view: RecipientView): void {
  const { t } = ctx.i18n;
  renderFrame(
    ctx,
    h(
      'article',
      { class: 'state ready', 'data-state': 'ready' },
      h('h1', {}, view.subject),
      summary(ctx, view),
      h(
        'section',
        { class: 'documents', 'aria-labelledby': 'documents-heading' },
        h('h2', { id: 'documents-heading' }, t('documents')),
        ...view.documents.map((document) =>
          h('div', { class: 'document' }, h('h3', {}, document.name), createPdfViewer(ctx, document)),
        ),
      ),
      actions(ctx, view),
    ),
  );
}
