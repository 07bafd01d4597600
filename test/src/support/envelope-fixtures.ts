import type { TEnvelopeWorkflowInput, TRecipientSlot, TSenderActor } from '@signet/shared';
import { envelopeWorkflowId, TASK_QUEUE } from '@signet/shared';
import type { Connection, WorkflowHandle } from '@temporalio/client';
import { Client } from '@temporalio/client';
import type { envelopeWorkflow } from '@signet/workflows/workflows';

export const DAY = 86_400_000;
let counter = 0;

export function recipientSlot(
  name: string,
  routingOrder: number,
  role: TRecipientSlot['role'] = 'SIGNER',
): TRecipientSlot {
  return {
    id: `r-${name}`,
    key: `key-${name}-0123456789abcdef`,
    email: `${name}@example.com`,
    name: `${name[0]!.toUpperCase()}${name.slice(1)}`,
    role,
    routingOrder,
  };
}

export function credentialOf(slot: TRecipientSlot) {
  return { recipientId: slot.id, recipientKey: slot.key, authMethod: 'LINK' as const };
}

export const SENDER_ACTOR: TSenderActor = { email: 'sender@example.com', name: 'Sam Sender', authMethod: 'API_TOKEN' };

/** A valid workflow input; `now` is the test server's clock (time skipping starts at real time). */
export function makeEnvelopeInput(
  now: number,
  overrides: Partial<TEnvelopeWorkflowInput> = {},
): TEnvelopeWorkflowInput {
  counter += 1;
  return {
    envelopeId: `test-${process.pid}-${counter}-${now}`,
    subject: 'Service agreement',
    sender: { id: 'u_sender', email: 'sender@example.com', name: 'Sam Sender' },
    sourceLibrary: 'local-default',
    documents: [{ documentId: 'doc-1', name: 'agreement.pdf', ref: { library: 'local', path: 'agreement.pdf' } }],
    recipients: [recipientSlot('alice', 1), recipientSlot('bob', 2)],
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + 30 * DAY).toISOString(),
    expiryWarningMs: 2 * DAY,
    reminders: { firstAfterMs: 3 * DAY, everyMs: 2 * DAY, max: 3 },
    allowDelegation: true,
    retention: { deleteAfterMs: 365 * DAY, warnBeforeMs: 30 * DAY },
    legalHold: false,
    ...overrides,
  };
}

export async function startEnvelope(
  client: Client,
  input: TEnvelopeWorkflowInput,
  taskQueue = TASK_QUEUE,
): Promise<WorkflowHandle<typeof envelopeWorkflow>> {
  return client.workflow.start<typeof envelopeWorkflow>('envelopeWorkflow', {
    args: [input],
    workflowId: envelopeWorkflowId(input.envelopeId),
    taskQueue,
  });
}

/** Extracts the AppErrorCode from a rejected update (the ApplicationFailure's type). */
export async function rejectionCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: { type?: string } }).cause;
    return cause?.type ?? `untyped: ${String(error)}`;
  }
  return 'accepted';
}

/**
 * Waits for a workflow that closes without timers (an update ended it) and returns its result, through a
 * plain client. The time-skipping client's `result()` on such a workflow leaves the Java test server's
 * time locked, after which `env.sleep` never returns (seen with temporal-test-server 1.38.0).
 */
export async function closedResult<T>(connection: Connection, workflowId: string): Promise<T> {
  const plain = new Client({ connection });
  const handle = plain.workflow.getHandle(workflowId);
  for (let i = 0; i < 400; i++) {
    if ((await handle.describe()).status.name !== 'RUNNING') return (await handle.result()) as T;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`workflow ${workflowId} did not close`);
}
