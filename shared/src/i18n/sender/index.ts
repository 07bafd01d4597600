import type { Locale } from '../locale';
import { da } from './da';
import type { SenderMessages } from './en';
import { en } from './en';
import { fi } from './fi';
import { nl } from './nl';
import { no } from './no';
import { sv } from './sv';

/** The sender web UI's texts per locale. */
export const SENDER_MESSAGES: Record<Locale, SenderMessages> = { en, fi, sv, no, da, nl };
export type { SenderMessages };
export type SenderMessageKey = keyof SenderMessages;
