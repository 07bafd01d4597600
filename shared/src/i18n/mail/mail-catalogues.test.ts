import { LOCALES } from '../locale';
import { EN_MAIL } from './en';
import { MAIL_CATALOGUES } from './index';

const placeholdersOf = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
const translations = LOCALES.filter((locale) => locale !== 'en');
// Words that are simply the same in the other language.
const SAME_AS_ENGLISH: Record<string, readonly string[]> = { nl: ['documents_one'] };

describe('mail catalogues', () => {
  it.each(translations)('%s has exactly the English keys', (locale) => {
    expect(Object.keys(MAIL_CATALOGUES[locale]).sort()).toEqual(Object.keys(EN_MAIL).sort());
  });

  it.each(translations)('%s keeps every placeholder of every text, and adds none', (locale) => {
    const catalogue = MAIL_CATALOGUES[locale];
    const mismatched = Object.entries(EN_MAIL)
      .filter(([key, english]) => {
        const translated = catalogue[key as keyof typeof EN_MAIL];
        return placeholdersOf(translated).join() !== placeholdersOf(english).join();
      })
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it.each(translations)('%s translates every text (no English left behind)', (locale) => {
    const catalogue = MAIL_CATALOGUES[locale];
    const untranslated = Object.entries(EN_MAIL)
      .filter(([key, english]) => catalogue[key as keyof typeof EN_MAIL] === english)
      .map(([key]) => key)
      .filter((key) => !(SAME_AS_ENGLISH[locale] ?? []).includes(key));
    expect(untranslated).toEqual([]);
  });

  it.each(LOCALES)('%s texts are plain, non-empty, single-line text', (locale) => {
    for (const text of Object.values(MAIL_CATALOGUES[locale])) {
      expect(text.trim()).not.toBe('');
      expect(text).not.toMatch(/[<>\n\r]/);
    }
  });

  it('the placeholder check notices a dropped placeholder', () => {
    expect(placeholdersOf('Hei,').join()).not.toBe(placeholdersOf(EN_MAIL.greeting).join());
  });
});
