import { LOCALE_NAMES, LOCALES } from '@signet/shared';
import type { Child } from '../common/dom';
import { focusHeading, h, replaceChildren, uniqueId } from '../common/dom';
import type { PageContext } from './page-context';

function languagePicker(ctx: PageContext): HTMLElement {
  const select = h(
    'select',
    { id: uniqueId('language'), class: 'language' },
    ...LOCALES.map((locale) =>
      h('option', { value: locale, lang: locale, selected: locale === ctx.i18n.locale }, LOCALE_NAMES[locale]),
    ),
  );
  select.addEventListener('change', () => ctx.setLocale(select.value));
  return h('div', { class: 'language-picker' }, h('label', { for: select.id }, ctx.i18n.t('language')), select);
}

/** Renders one state: the bar (brand, language) and the state's content; focus moves to its heading. */
export function renderFrame(ctx: PageContext, ...content: Child[]): void {
  document.documentElement.lang = ctx.i18n.locale;
  document.title = ctx.i18n.t('pageTitle');
  const body = h('div', { class: 'content' }, ...content);
  replaceChildren(
    ctx.root,
    h('div', { class: 'bar' }, h('span', { class: 'brand', 'aria-hidden': 'true' }, 'Signet'), languagePicker(ctx)),
    body,
  );
  focusHeading(body);
}
