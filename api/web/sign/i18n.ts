import type { Locale, SigningMessageKey } from '@signet/shared';
import { interpolate, SIGNING_MESSAGES } from '@signet/shared';
import type { RecipientApiError } from '../common/recipient-api';

/** The page's texts in one language, with dates in that language's format. */
export type Translator = {
  locale: Locale;
  t: (key: SigningMessageKey, params?: Record<string, string | number>) => string;
  dateTime: (iso: string) => string;
  time: (iso: string) => string;
  /** Localised text for an API refusal, by code (the API's own message is never shown). */
  error: (error: RecipientApiError) => string;
};

const ERROR_KEYS: Partial<Record<string, SigningMessageKey>> = {
  VALIDATION_FAILED: 'errorVALIDATION_FAILED',
  REASON_REQUIRED: 'errorREASON_REQUIRED',
  INVALID_EMAIL: 'errorINVALID_EMAIL',
  CONSENT_REQUIRED: 'errorCONSENT_REQUIRED',
  INVALID_SIGNATURE_IMAGE: 'errorINVALID_SIGNATURE_IMAGE',
  DELEGATION_NOT_ALLOWED: 'errorDELEGATION_NOT_ALLOWED',
  NOT_YOUR_TURN: 'errorNOT_YOUR_TURN',
  ALREADY_ACTED: 'errorALREADY_ACTED',
  WRONG_ROLE: 'errorWRONG_ROLE',
  OTP_INVALID: 'errorOTP_INVALID',
  OTP_EXPIRED: 'errorOTP_EXPIRED',
  OTP_LOCKED: 'errorOTP_LOCKED',
  OTP_RATE_LIMITED: 'errorOTP_RATE_LIMITED',
  IDENTITY_MISMATCH: 'errorIDENTITY_MISMATCH',
  AUTHENTICATION_REQUIRED: 'errorAUTHENTICATION_REQUIRED',
  IDENTITY_PROVIDER_UNAVAILABLE: 'errorIDENTITY_PROVIDER_UNAVAILABLE',
  NETWORK: 'errorNETWORK',
  API_UNAVAILABLE: 'errorNETWORK',
  ENGINE_UNAVAILABLE: 'errorNETWORK',
};

export function createTranslator(locale: Locale): Translator {
  const messages = SIGNING_MESSAGES[locale];
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
  const timeFormat = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  const t = (key: SigningMessageKey, params?: Record<string, string | number>): string =>
    interpolate(messages[key], params);
  return {
    locale,
    t,
    dateTime: (iso) => dateTimeFormat.format(new Date(iso)),
    time: (iso) => timeFormat.format(new Date(iso)),
    error: (error) => {
      const key = ERROR_KEYS[error.code] ?? 'errorUNKNOWN';
      const lockedUntil = typeof error.details.lockedUntil === 'string' ? error.details.lockedUntil : undefined;
      const retryAfter = Number(error.details.retryAfterSeconds ?? 60);
      return t(key, {
        time: lockedUntil ? timeFormat.format(new Date(lockedUntil)) : '—',
        seconds: Number.isFinite(retryAfter) ? retryAfter : 60,
      });
    },
  };
}
