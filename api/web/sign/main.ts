import '../common/zod-jitless';
import './sign.css';
import type { Locale } from '@signet/shared';
import { DEFAULT_LOCALE, isLocale, negotiateLocale } from '@signet/shared';
import { createRecipientApi, RecipientApiError } from '../common/recipient-api';
import type { RecipientView } from '../common/recipient-api';
import { clearSession, readSession, storeSession, takeFragment } from '../common/session';
import { connectTeams } from '../common/teams-host';
import { renderAuth } from './auth-view';
import { renderDone } from './done-view';
import { endedReasonOf, endedReasonOfCode, renderEnded } from './ended-view';
import { renderError } from './error-view';
import { createTranslator } from './i18n';
import type { PageContext } from './page-context';
import { renderReady } from './ready-view';

// The signing page: the shell (api/src/pages/sign-page.ts) loads this module, which reads the link token
// from the URL and shows whatever state the recipient API reports.

const CHOSEN_LOCALE_KEY = 'signet.locale';

function chosenLocale(): Locale | undefined {
  try {
    const value = sessionStorage.getItem(CHOSEN_LOCALE_KEY);
    return isLocale(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function rememberLocale(locale: Locale): void {
  try {
    sessionStorage.setItem(CHOSEN_LOCALE_KEY, locale);
  } catch {
    // not remembered across reloads; the page still switches
  }
}

/** The recipient's locale (from the API) wins over the browser's, a choice in the picker over both. */
function localeFor(preferred: unknown, fallback: Locale): Locale {
  return chosenLocale() ?? (isLocale(preferred) ? preferred : fallback);
}

async function start(root: HTMLElement): Promise<void> {
  const token = decodeURIComponent(window.location.pathname.split('/').filter(Boolean)[1] ?? '');
  const fragment = takeFragment();
  if (fragment.session) storeSession(token, fragment.session);
  let session = readSession(token);
  const teams = await connectTeams();
  const baseLocale = teams?.locale ? negotiateLocale(teams.locale) : negotiateLocale(document.documentElement.lang);
  if (teams?.theme) document.documentElement.dataset.theme = teams.theme;
  let lastRender: () => void = () => undefined;

  const ctx: PageContext = {
    token,
    api: createRecipientApi(token, () => session),
    i18n: createTranslator(localeFor(undefined, baseLocale)),
    root,
    teams,
    pdfWorkerUrl: document.body.dataset.pdfWorker ?? '',
    reload: async () => {
      let view: RecipientView;
      try {
        view = await ctx.api.view();
      } catch (thrown) {
        const error = thrown instanceof RecipientApiError ? thrown : new RecipientApiError('UNKNOWN', 0);
        if (error.code === 'AUTHENTICATION_REQUIRED') {
          if (session) clearSession(token);
          session = undefined;
          const details = error.details as {
            method?: string;
            emailHint?: string;
            senderName?: string;
            locale?: string;
          };
          ctx.i18n = createTranslator(localeFor(details.locale, baseLocale));
          lastRender = () => renderAuth(ctx, { method: details.method ?? 'EMAIL_OTP', ...details }, fragment.authError);
        } else {
          const reason = endedReasonOfCode(error.code);
          lastRender = reason ? () => renderEnded(ctx, reason) : () => renderError(ctx, error);
        }
        lastRender();
        return;
      }
      // The sender's choice for this recipient wins; English is also what a sender who chose nothing gets, so
      // then the browser's language (Accept-Language, Teams) is the better guess.
      const viewLocale = (view as { locale?: string }).locale;
      ctx.i18n = createTranslator(localeFor(viewLocale === DEFAULT_LOCALE ? undefined : viewLocale, baseLocale));
      const reason = endedReasonOf(view);
      lastRender = reason ? () => renderEnded(ctx, reason, view) : () => renderReady(ctx, view);
      lastRender();
    },
    done: (kind, view, detail) => {
      lastRender = () => renderDone(ctx, kind, view, detail);
      lastRender();
    },
    setLocale: (value) => {
      if (!isLocale(value)) return;
      rememberLocale(value);
      ctx.i18n = createTranslator(value);
      lastRender();
    },
    setSession: (value) => {
      session = value;
      storeSession(token, value);
    },
  };
  await ctx.reload();
}

const root = document.getElementById('app');
if (root) void start(root);
