import './app.css';
import { loadSession } from './api';
import { h } from './dom';
import { pickLocale, setLocale, t } from './i18n';
import { renderLayout, showView } from './layout';
import type { Route } from './router';
import { startRouter } from './router';
import { renderEnvelope } from './views/envelope';
import { renderEnvelopes } from './views/envelopes';
import { renderLibrary } from './views/library';

// The sender web UI (decision 0017): one shell for every /app URL; the view comes from the URL.

async function render(route: Route, session: NonNullable<Awaited<ReturnType<typeof loadSession>>>): Promise<void> {
  if (route.view === 'library') return showView(await renderLibrary(session), 'library');
  if (route.view === 'envelopes') return showView(await renderEnvelopes(route.params), 'envelopes');
  if (route.view === 'envelope') return showView(await renderEnvelope(route.envelopeId, session), undefined);
  showView(h('section', {}, h('h1', {}, t('notFoundPage'))), undefined);
}

async function start(): Promise<void> {
  setLocale(pickLocale());
  const root = document.getElementById('app');
  if (!root) return;
  const session = await loadSession();
  if (!session) {
    location.assign(`/app/login?returnTo=${encodeURIComponent(location.pathname + location.search)}`);
    return;
  }
  renderLayout(root, session);
  startRouter((route) => void render(route, session));
}

void start();
