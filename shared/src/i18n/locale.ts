/**
 * The languages of the signing page, the sender UI and the notifications. Catalogues live beside this file,
 * one folder per surface (`mail/`, `signing/`, `sender/`), one file per language; each language file is
 * typed by the English one, so a missing translation fails the type check.
 */
export const LOCALES = ['en', 'fi', 'sv', 'no', 'da', 'nl'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Language names in their own language, for pickers. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  fi: 'Suomi',
  sv: 'Svenska',
  no: 'Norsk',
  da: 'Dansk',
  nl: 'Nederlands',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

// Norwegian arrives as nb/nn as often as no.
const ALIASES: Record<string, Locale> = { nb: 'no', nn: 'no' };

/** The best supported locale for an Accept-Language header or `navigator.languages`; English when none fits. */
export function negotiateLocale(preferences: string | readonly string[] | undefined): Locale {
  const list = typeof preferences === 'string' ? preferences.split(',') : (preferences ?? []);
  const ranked = list
    .map((entry, index) => {
      const [tag = '', ...params] = entry.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((e) => e.tag && e.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0] ?? '';
    const locale = ALIASES[primary] ?? primary;
    if (isLocale(locale)) return locale;
  }
  return DEFAULT_LOCALE;
}

/** Fills `{name}` placeholders; unknown placeholders stay as written so a bad key is visible, not silent. */
export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(params, key) ? String(params[key]) : whole,
  );
}
