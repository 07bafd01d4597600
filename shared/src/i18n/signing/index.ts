import type { Locale } from '../locale';
import { da } from './da';
import type { SigningMessages } from './en';
import { en } from './en';
import { fi } from './fi';
import { nl } from './nl';
import { no } from './no';
import { sv } from './sv';

/** The signing page's texts per locale (the page and its HTML shell both read them). */
export const SIGNING_MESSAGES: Record<Locale, SigningMessages> = { en, fi, sv, no, da, nl };
export type { SigningMessages };
export type SigningMessageKey = keyof SigningMessages;
