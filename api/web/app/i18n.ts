import type { Locale, SenderMessageKey } from '@signet/shared';
import { interpolate, isLocale, negotiateLocale, SENDER_MESSAGES } from '@signet/shared';

let current: Locale = 'en';

/** `?lang=` first, then the language the server negotiated for the shell, then the browser's. */
export function pickLocale(): Locale {
  const asked = new URLSearchParams(location.search).get('lang');
  if (isLocale(asked)) return asked;
  const shell = document.getElementById('app')?.dataset.locale;
  if (isLocale(shell)) return shell;
  return negotiateLocale(navigator.languages);
}

export function setLocale(locale: Locale): void {
  current = locale;
  document.documentElement.lang = locale;
}

export function locale(): Locale {
  return current;
}

/** The text of `key` in the current language, placeholders filled. */
export function t(key: SenderMessageKey, params?: Record<string, string | number>): string {
  return interpolate(SENDER_MESSAGES[current][key], params);
}

/** A message for a key built from data (a status, a role), or the raw value when the catalogue lacks it. */
export function tOr(key: string, fallback: string): string {
  const messages = SENDER_MESSAGES[current] as Record<string, string | undefined>;
  return messages[key] ?? fallback;
}

export function formatDate(iso: string | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium' }).format(new Date(iso));
}

export function formatDateTime(iso: string | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
