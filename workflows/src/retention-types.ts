import type { TAuditEvent, TEnvelopeDocument, TPerson, TRetentionPolicy } from '@signet/shared';

export type RetentionInput = {
  envelopeId: string;
  subject: string;
  sender: TPerson & { timeZone?: string };
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
