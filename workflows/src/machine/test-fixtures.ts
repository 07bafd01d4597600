import type { TEnvelopeWorkflowInput, TRecipientSlot, TSenderActor } from '@signet/shared';

// Fixtures for the machine's unit tests (not shipped: only *.test.ts files import this).

export const T0 = Date.parse('2026-01-05T09:00:00.000Z');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function slot(id: string, routingOrder: number, role: TRecipientSlot['role'] = 'SIGNER'): TRecipientSlot {
  return {
    id,
    key: `key-${id}-0123456789abcdef`,
    email: `${id}@example.com`,
    name: `Person ${id}`,
    role,
    routingOrder,
  };
}

export function makeInput(overrides: Partial<TEnvelopeWorkflowInput> = {}): TEnvelopeWorkflowInput {
  return {
    envelopeId: 'env-test-1',
    subject: 'Contract',
    sender: { id: 'u_sender', email: 'sender@example.com', name: 'Sender' },
    sourceLibrary: 'local-default',
    documents: [{ documentId: 'doc1', name: 'contract.pdf', ref: { library: 'local', path: 'contract.pdf' } }],
    recipients: [slot('a', 1), slot('b', 2)],
    createdAt: new Date(T0).toISOString(),
    expiresAt: new Date(T0 + 14 * DAY).toISOString(),
    expiryWarningMs: 2 * DAY,
    reminders: { firstAfterMs: 3 * DAY, everyMs: 2 * DAY, max: 3 },
    allowDelegation: true,
    retention: { deleteAfterMs: 365 * DAY, warnBeforeMs: 30 * DAY },
    legalHold: false,
    ...overrides,
  };
}

export function cred(id: string) {
  return { recipientId: id, recipientKey: `key-${id}-0123456789abcdef`, authMethod: 'LINK' as const };
}

export const SENDER: TSenderActor = { email: 'sender@example.com', name: 'Sender', authMethod: 'API_TOKEN' };
