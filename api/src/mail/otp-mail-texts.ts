import type { Locale } from '@signet/shared';

/** The one-time-code mail's sentences; `{placeholders}` are filled (and HTML-escaped) by `otp-mail.ts`. */
export type OtpMailTexts = {
  subject: string;
  greeting: string;
  asks: string;
  code: string;
  expires: string;
  ignore: string;
};

const en: OtpMailTexts = {
  subject: 'Your code for "{subject}"',
  greeting: 'Hello {name},',
  asks: '{sender} asks you to confirm who you are before you open "{subject}".',
  code: 'Your one-time code:',
  expires: 'The code expires in {minutes} minutes. Never share it with anyone.',
  ignore: 'If you did not ask for a code, you can ignore this mail.',
};

/** Every supported language; typed by the English one, so a missing sentence fails the type check. */
export const OTP_MAIL_TEXTS: Record<Locale, OtpMailTexts> = {
  en,
  fi: {
    subject: 'Koodisi asiakirjaan "{subject}"',
    greeting: 'Hei {name},',
    asks: '{sender} pyytää sinua vahvistamaan henkilöllisyytesi ennen kuin avaat asiakirjan "{subject}".',
    code: 'Kertakäyttöinen koodisi:',
    expires: 'Koodi vanhenee {minutes} minuutin kuluttua. Älä koskaan kerro sitä kenellekään.',
    ignore: 'Jos et pyytänyt koodia, voit jättää tämän viestin huomiotta.',
  },
  sv: {
    subject: 'Din kod för "{subject}"',
    greeting: 'Hej {name},',
    asks: '{sender} ber dig bekräfta vem du är innan du öppnar "{subject}".',
    code: 'Din engångskod:',
    expires: 'Koden upphör att gälla om {minutes} minuter. Dela den aldrig med någon.',
    ignore: 'Om du inte har bett om en kod kan du bortse från det här meddelandet.',
  },
  no: {
    subject: 'Koden din for "{subject}"',
    greeting: 'Hei {name},',
    asks: '{sender} ber deg bekrefte hvem du er før du åpner "{subject}".',
    code: 'Engangskoden din:',
    expires: 'Koden utløper om {minutes} minutter. Del den aldri med noen.',
    ignore: 'Hvis du ikke ba om en kode, kan du se bort fra denne e-posten.',
  },
  da: {
    subject: 'Din kode til "{subject}"',
    greeting: 'Hej {name},',
    asks: '{sender} beder dig bekræfte, hvem du er, før du åbner "{subject}".',
    code: 'Din engangskode:',
    expires: 'Koden udløber om {minutes} minutter. Del den aldrig med nogen.',
    ignore: 'Hvis du ikke har bedt om en kode, kan du se bort fra denne e-mail.',
  },
  nl: {
    subject: 'Uw code voor "{subject}"',
    greeting: 'Hallo {name},',
    asks: '{sender} vraagt u te bevestigen wie u bent voordat u "{subject}" opent.',
    code: 'Uw eenmalige code:',
    expires: 'De code verloopt over {minutes} minuten. Deel hem nooit met iemand.',
    ignore: 'Hebt u geen code aangevraagd, dan kunt u deze e-mail negeren.',
  },
};
