import { LOCALE_NAMES, LOCALES } from '@signet/shared';
import type { Session } from './api';
import { signOut } from './api';
import { h, option, replaceChildren } from './dom';
import { locale, t } from './i18n';
import { routeLink } from './router';

let status: HTMLElement;
let alerts: HTMLElement;
let main: HTMLElement;

/** Polite announcements (done, sent) for screen readers, also shown as a banner. */
export function announce(message: string): void {
  alerts.textContent = '';
  status.textContent = message;
}

/** Errors, announced assertively. */
export function announceError(message: string): void {
  status.textContent = '';
  alerts.textContent = message;
}

function languagePicker(): HTMLElement {
  const select = h('select', { id: 'language', class: 'language' });
  for (const code of LOCALES) select.append(option(code, LOCALE_NAMES[code], code === locale()));
  select.addEventListener('change', () => {
    const url = new URL(location.href);
    url.searchParams.set('lang', select.value);
    location.assign(url.toString());
  });
  return h('div', { class: 'language-picker' }, h('label', { for: 'language' }, t('language')), select);
}

/** The page frame: skip link, header with navigation and the user, live regions, and `<main>` for the view. */
export function renderLayout(root: HTMLElement, session: Session): HTMLElement {
  const signOutButton = h('button', { type: 'button', class: 'link-button', id: 'sign-out' }, t('signOut'));
  signOutButton.addEventListener('click', () => void signOut());
  status = h('div', { class: 'status-banner', role: 'status', 'aria-live': 'polite', id: 'status' });
  alerts = h('div', { class: 'error-banner', role: 'alert', 'aria-live': 'assertive', id: 'alerts' });
  main = h('main', { id: 'main', tabindex: -1 });
  replaceChildren(
    root,
    h('a', { href: '#main', class: 'skip-link' }, t('skipToContent')),
    h(
      'header',
      { class: 'app-header' },
      h('p', { class: 'brand' }, t('appTitle')),
      h(
        'nav',
        { 'aria-label': t('mainNavigation') },
        h(
          'ul',
          {},
          h('li', {}, routeLink('/app', t('navLibrary'), { id: 'nav-library' })),
          h('li', {}, routeLink('/app/envelopes', t('navEnvelopes'), { id: 'nav-envelopes' })),
        ),
      ),
      h(
        'div',
        { class: 'user' },
        h('span', { id: 'signed-in-as' }, t('signedInAs', { name: session.name })),
        session.role === 'admin' ? h('span', { class: 'badge' }, t('admin')) : null,
        signOutButton,
        languagePicker(),
      ),
    ),
    status,
    alerts,
    main,
  );
  return main;
}

/** Marks the current navigation entry and moves focus to the new view's heading, as a page load would. */
export function showView(view: HTMLElement, current: 'library' | 'envelopes' | undefined): void {
  for (const link of document.querySelectorAll('nav a')) link.removeAttribute('aria-current');
  if (current) document.getElementById(`nav-${current}`)?.setAttribute('aria-current', 'page');
  replaceChildren(main, view);
  status.textContent = '';
  alerts.textContent = '';
  const heading = view.querySelector('h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus();
    document.title = `${heading.textContent ?? ''} · ${t('appTitle')}`;
  }
}
