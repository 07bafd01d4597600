import type { Locale, TAuditEvent, TEnvelopeDocument, TPerson, TRetentionPolicy } from '@signet/shared';

export type RetentionInput = {
  envelopeId: string;
  subject: string;
  sender: TPerson & { timeZone?: string; locale?: Locale };
  documents: TEnvelopeDocument[];
  endedAt: string;
  policy: TRetentionPolicy;
  legalHold: boolean;
};

export type RetentionView = {
  envelopeId: string;
  deleteAt: string;
  legalHold: boolean;
  warned: boolean;
  deletedAt?: string;
  audit: TAuditEvent[];
};
