import type { TEnvelopeView, TRecipientView } from '@signet/shared';

/** A pending two-signer envelope as the status query returns it; override any field per test. */
export function makeEnvelopeView(overrides: Partial<TEnvelopeView> = {}): TEnvelopeView {
  const recipient = (
    id: string,
    email: string,
    routingOrder: number,
    status: TRecipientView['status'],
  ): TRecipientView => ({
    id,
    email,
    name: email.split('@')[0] ?? email,
    role: 'SIGNER',
    routingOrder,
    status,
    remindersSent: 0,
  });
  return {
    envelopeId: 'env-123456',
    status: 'PENDING',
    finalising: false,
    subject: 'NDA for Project X',
    message: 'Please sign by Friday.',
    sender: { id: 'u_abc', email: 'sender@example.com', name: 'Sam Sender' },
    sourceLibrary: 'fake-library',
    createdAt: '2030-01-01T00:00:00.000Z',
    expiresAt: '2030-01-15T00:00:00.000Z',
    currentRoutingOrder: 1,
    allowDelegation: true,
    legalHold: false,
    progress: { done: 0, required: 2 },
    documents: [{ documentId: 'doc-1', name: 'nda.pdf', ref: { library: 'local', path: 'contracts/nda.pdf' } }],
    recipients: [
      recipient('r-alice', 'alice@example.com', 1, 'PENDING'),
      recipient('r-bob', 'bob@example.com', 2, 'WAITING'),
    ],
    audit: [
      {
        at: '2030-01-01T00:00:00.000Z',
        type: 'SENT',
        actor: { kind: 'SENDER', email: 'sender@example.com' },
        authMethod: 'API_TOKEN',
      },
    ],
    ...overrides,
  };
}
