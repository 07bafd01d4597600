// The API answers the UI reads (the wire shapes of @signet/shared's schemas, as plain types).

export type LibraryItem = {
  path: string;
  name: string;
  size: number;
  modifiedAt: string;
  status?: {
    envelopeId: string;
    status: string;
    progress: { done: number; required: number };
    expiresAt: string;
    nextReminderAt?: string;
    signedCopyPath?: string;
    legalHold: boolean;
  };
};

export type EnvelopeSummary = {
  envelopeId: string;
  status: string;
  expiresAt?: string;
  nextReminderAt?: string;
  progress: { done: number; required: number };
  startedAt?: string;
  subject?: string;
  sender?: { email: string; name: string };
  needsAttention?: boolean;
};

export type RecipientView = {
  id: string;
  email: string;
  name: string;
  role: string;
  routingOrder: number;
  status: string;
  onBehalfOf?: string;
  invitedAt?: string;
  actedAt?: string;
  nextReminderAt?: string;
};

export type AuditEvent = {
  at: string;
  type: string;
  actor: { kind: string; email?: string; name?: string; recipientId?: string };
  authMethod: string;
  recipientId?: string;
  details?: Record<string, string | number | boolean>;
};

export type EnvelopeView = {
  envelopeId: string;
  status: string;
  subject: string;
  message?: string;
  sender: { email: string; name: string };
  createdAt: string;
  expiresAt: string;
  endedAt?: string;
  endReason?: string;
  currentRoutingOrder?: number;
  legalHold: boolean;
  progress: { done: number; required: number };
  documents: Array<{ documentId: string; name: string; signedCopyRef?: unknown }>;
  recipients: RecipientView[];
  audit: AuditEvent[];
};

export type Template = {
  id: string;
  name: string;
  settings: {
    recipients: Array<{
      label: string;
      role?: string;
      routingOrder?: number;
      authentication?: string;
      locale?: string;
      email?: string;
      name?: string;
      onBehalfOf?: string;
    }>;
    subject?: string;
    message?: string;
    reminders?: { firstAfter: string; every: string; max: number } | false;
    allowDelegation?: boolean;
  };
};
