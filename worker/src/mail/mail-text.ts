import type { Locale, MailMessageKey, MailPluralKey } from '@signet/shared';
import { interpolate, MAIL_CATALOGUES } from '@signet/shared';
import { oneLine } from './render';

type Params = Record<string, string | number>;

/** The catalogue of one language, with the formatting rules of that language. */
export type MailText = {
  locale: Locale;
  /** A catalogue text with its placeholders filled; every value is made one line first. */
  t(key: MailMessageKey, params?: Params): string;
  /** The `_one` / `_other` form of `base` that `count` needs in this language. */
  plural(base: MailPluralKey, count: number, params?: Params): string;
  /** `28 March 2025 at 12:00 Europe/Helsinki (10:00 UTC)`, in the words of the language; UTC only without a zone. */
  dateTime(iso: string, timeZone?: string): string;
  /** `a.pdf, b.pdf and c.pdf` with this language's conjunction. */
  list(names: readonly string[]): string;
};

// Intl speaks BCP 47: Norwegian mails are bokmål, and English ones use day-month-year like the rest of Europe.
const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', fi: 'fi', sv: 'sv', no: 'nb', da: 'da', nl: 'nl' };

function singleLineParams(params: Params): Params {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, typeof value === 'string' ? oneLine(value) : value]),
  );
}

function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function formatDateTime(intlLocale: string, iso: string, timeZone: string | undefined): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return oneLine(iso);
  const full = (zone: string) =>
    new Intl.DateTimeFormat(intlLocale, { dateStyle: 'long', timeStyle: 'short', timeZone: zone }).format(at);
  if (!timeZone || timeZone === 'UTC' || !isValidTimeZone(timeZone)) return `${full('UTC')} UTC`;
  const day = (zone: string) => new Intl.DateTimeFormat('en-CA', { dateStyle: 'short', timeZone: zone }).format(at);
  // UTC repeats only the time when it falls on the same day, so the line stays short.
  const utc =
    day(timeZone) === day('UTC')
      ? new Intl.DateTimeFormat(intlLocale, { timeStyle: 'short', timeZone: 'UTC' }).format(at)
      : full('UTC');
  return `${full(timeZone)} ${timeZone} (${utc} UTC)`;
}

/** The texts and formats of `locale`. */
export function mailTextFor(locale: Locale): MailText {
  const catalogue = MAIL_CATALOGUES[locale];
  const intlLocale = INTL_LOCALE[locale];
  const pluralRules = new Intl.PluralRules(intlLocale);
  const listFormat = new Intl.ListFormat(intlLocale, { type: 'conjunction', style: 'long' });
  const t = (key: MailMessageKey, params: Params = {}): string => interpolate(catalogue[key], singleLineParams(params));
  return {
    locale,
    t,
    // Every supported language has exactly the categories one and other (CLDR); anything else reads as other.
    plural: (base, count, params = {}) =>
      t(pluralRules.select(count) === 'one' ? `${base}_one` : `${base}_other`, { count, ...params }),
    dateTime: (iso, timeZone) => formatDateTime(intlLocale, iso, timeZone),
    list: (names) => listFormat.format(names.map(oneLine)),
  };
}
