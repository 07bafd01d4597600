// Client-side routing with the History API: same-origin links marked `data-route` are followed without a
// page load; the back button re-renders the view the URL names.

export type Route =
  | { view: 'library' }
  | { view: 'envelopes'; params: URLSearchParams }
  | { view: 'envelope'; envelopeId: string }
  | { view: 'not-found' };

export function routeOf(url: URL): Route {
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '/app' || path === '/app/library') return { view: 'library' };
  if (path === '/app/envelopes') return { view: 'envelopes', params: url.searchParams };
  const envelope = /^\/app\/envelopes\/([A-Za-z0-9_-]{1,64})$/.exec(path);
  if (envelope?.[1]) return { view: 'envelope', envelopeId: envelope[1] };
  return { view: 'not-found' };
}

let onRoute: (route: Route) => void = () => undefined;

/** Keeps `?lang=` across navigation, so a chosen language stays. */
function withLanguage(href: string): string {
  const lang = new URLSearchParams(location.search).get('lang');
  if (!lang) return href;
  const url = new URL(href, location.origin);
  if (!url.searchParams.has('lang')) url.searchParams.set('lang', lang);
  return url.pathname + url.search;
}

export function navigate(href: string, replace = false): void {
  const target = withLanguage(href);
  if (replace) history.replaceState(null, '', target);
  else history.pushState(null, '', target);
  onRoute(routeOf(new URL(location.href)));
}

/** Starts routing: renders the current URL now and on every history move or in-app link click. */
export function startRouter(render: (route: Route) => void): void {
  onRoute = render;
  window.addEventListener('popstate', () => render(routeOf(new URL(location.href))));
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[data-route]');
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    event.preventDefault();
    navigate(link.getAttribute('href') ?? '/app');
  });
  render(routeOf(new URL(location.href)));
}

/** An in-app link. */
export function routeLink(href: string, text: string, attributes: Record<string, string> = {}): HTMLAnchorElement {
  const link = document.createElement('a');
  link.href = withLanguage(href);
  link.dataset.route = '';
  link.textContent = text;
  for (const [name, value] of Object.entries(attributes)) link.setAttribute(name, value);
  return link;
}
