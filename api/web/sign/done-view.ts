import type { SigningMessageKey } from '@signet/shared';
import { h } from '../common/dom';
import type { RecipientView } from '../common/recipient-api';
import { renderFrame } from './layout';
import type { DoneKind, PageContext } from './page-context';

const TEXTS: Record<DoneKind, [SigningMessageKey, SigningMessageKey]> = {
  signed: ['doneSignedHeading', 'doneSignedText'],
  approved: ['doneApprovedHeading', 'doneApprovedText'],
  declined: ['doneDeclinedHeading', 'doneDeclinedText'],
  delegated: ['doneDelegatedHeading', 'doneDelegatedText'],
};

/** The confirmation after an action; inside Teams the dialog then closes with the result. */
export function renderDone(ctx: PageContext, kind: DoneKind, view: RecipientView | undefined, detail?: string): void {
  const { t } = ctx.i18n;
  const [heading, text] = TEXTS[kind];
  renderFrame(
    ctx,
    h(
      'section',
      { class: 'state done', 'data-state': 'done', 'data-kind': kind },
      h('h1', {}, t(heading)),
      view ? h('p', { class: 'subject' }, view.subject) : null,
      h('p', { class: 'notice success' }, t(text, { name: detail ?? '' })),
    ),
  );
  ctx.teams?.submit({ action: kind });
}
