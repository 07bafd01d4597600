import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';

// A stand-in for the parts of the Temporal Client the API uses. Unit tests only: real-server tests live
// in test/. Each behaviour can be replaced per test; every call is recorded.

type Named = { name: string };
export type FakeCall = { workflowId: string; name: string; input: unknown };
export type StartCall = { workflowType: string; options: Record<string, unknown> };

export type FakeTemporalBehaviour = {
  start: (call: StartCall) => Promise<void>;
  query: (workflowId: string, name: string) => Promise<unknown>;
  update: (call: FakeCall) => Promise<unknown>;
  signal: (call: FakeCall) => Promise<void>;
  list: (request: Record<string, unknown>) => Promise<{ executions: unknown[]; nextPageToken?: Uint8Array }>;
};

export type FakeTemporal = {
  client: Client;
  behaviour: FakeTemporalBehaviour;
  starts: StartCall[];
  queries: Array<{ workflowId: string; name: string }>;
  updates: FakeCall[];
  signals: FakeCall[];
  lists: Array<Record<string, unknown>>;
};

/** Unknown workflow ids answer like the server: WorkflowNotFoundError. */
export function notFound(workflowId: string): WorkflowNotFoundError {
  return new WorkflowNotFoundError('workflow not found', workflowId, undefined);
}

export function createFakeTemporal(behaviour: Partial<FakeTemporalBehaviour> = {}): FakeTemporal {
  const fake: FakeTemporal = {
    client: undefined as unknown as Client,
    behaviour: {
      start: async () => undefined,
      query: async (workflowId) => Promise.reject(notFound(workflowId)),
      update: async (call) => Promise.reject(notFound(call.workflowId)),
      signal: async () => undefined,
      list: async () => ({ executions: [] }),
      ...behaviour,
    },
    starts: [],
    queries: [],
    updates: [],
    signals: [],
    lists: [],
  };
  const getHandle = (workflowId: string) => ({
    workflowId,
    query: async (definition: Named) => {
      fake.queries.push({ workflowId, name: definition.name });
      return fake.behaviour.query(workflowId, definition.name);
    },
    executeUpdate: async (definition: Named, options: { args: unknown[] }) => {
      const call = { workflowId, name: definition.name, input: options.args[0] };
      fake.updates.push(call);
      return fake.behaviour.update(call);
    },
    signal: async (definition: Named, input: unknown) => {
      const call = { workflowId, name: definition.name, input };
      fake.signals.push(call);
      return fake.behaviour.signal(call);
    },
  });
  const client = {
    workflow: {
      start: async (workflowType: string, options: Record<string, unknown>) => {
        const call = { workflowType, options };
        fake.starts.push(call);
        await fake.behaviour.start(call);
        return getHandle(String(options.workflowId));
      },
      getHandle,
    },
    workflowService: {
      listWorkflowExecutions: async (request: Record<string, unknown>) => {
        fake.lists.push(request);
        return fake.behaviour.list(request);
      },
    },
  };
  fake.client = client as unknown as Client;
  return fake;
}
