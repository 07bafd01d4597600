import type { Locale } from '../locale';
import { DA_MAIL } from './da';
import type { MailCatalogue, MailMessageKey } from './en';
import { EN_MAIL } from './en';
import { FI_MAIL } from './fi';
import { NL_MAIL } from './nl';
import { NO_MAIL } from './no';
import { SV_MAIL } from './sv';

export type { MailCatalogue, MailMessageKey };

/** The notification texts of every supported language (adding a locale to `LOCALES` fails tsc until it has one). */
export const MAIL_CATALOGUES: Readonly<Record<Locale, MailCatalogue>> = {
  en: EN_MAIL,
  fi: FI_MAIL,
  sv: SV_MAIL,
  no: NO_MAIL,
  da: DA_MAIL,
  nl: NL_MAIL,
};

/** Base names of the keys that come as `_one` / `_other` plural forms. */
export type MailPluralKey = {
  [K in MailMessageKey]: K extends `${infer Base}_one`
    ? `${Base}_other` extends MailMessageKey
      ? Base
      : never
    : never;
}[MailMessageKey];
