import { h } from '../common/dom';
import type { RecipientApiError } from '../common/recipient-api';
import { renderFrame } from './layout';
import type { PageContext } from './page-context';

/** Signet could not answer (network, outage): say so in the recipient's language and offer a retry. */
export function renderError(ctx: PageContext, error: RecipientApiError): void {
  const { t } = ctx.i18n;
  renderFrame(
    ctx,
    h(
      'section',
      { class: 'state error', 'data-state': 'error', 'data-code': error.code },
      h('h1', {}, t('errorHeading')),
      h('p', { class: 'notice' }, ctx.i18n.error(error)),
      h('button', { type: 'button', class: 'button primary', onclick: () => void ctx.reload() }, t('retry')),
    ),
  );
}
