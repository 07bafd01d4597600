import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import type { SearchAttributeName } from '@signet/shared';
import { SEARCH_ATTRIBUTES } from '@signet/shared';

// Typed keys for the names and types declared once in @signet/shared (temporal-names.ts).
const TYPES = {
  Keyword: SearchAttributeType.KEYWORD,
  Datetime: SearchAttributeType.DATETIME,
  Int: SearchAttributeType.INT,
} as const;

function key<N extends SearchAttributeName>(name: N) {
  return defineSearchAttributeKey(name, TYPES[SEARCH_ATTRIBUTES[name]]);
}

export const EnvelopeStatusKey = key('EnvelopeStatus');
export const SenderIdKey = key('SenderId');
export const SourceLibraryKey = key('SourceLibrary');
export const ExpiresAtKey = key('ExpiresAt');
export const NextReminderAtKey = key('NextReminderAt');
export const ActedCountKey = key('ActedCount');
export const RequiredCountKey = key('RequiredCount');

/** Every Signet search attribute, for registration (`createLocal`, dev server, operator service). */
export const SIGNET_SEARCH_ATTRIBUTE_KEYS = [
  EnvelopeStatusKey,
  SenderIdKey,
  SourceLibraryKey,
  ExpiresAtKey,
  NextReminderAtKey,
  ActedCountKey,
  RequiredCountKey,
];
