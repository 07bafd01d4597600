import { isGrpcServiceError } from '@temporalio/client';
import { decodeTypedSearchAttributes } from '@temporalio/common/lib/converter/payload-search-attributes';
import { optionalTsToDate } from '@temporalio/common/lib/time';
import type { EnvelopeStatus, TEnvelopeList, TEnvelopeSummary, TListEnvelopesQuery } from '@signet/shared';
import {
  AppError,
  AppErrorCode,
  ENVELOPE_WORKFLOW_TYPE,
  envelopeIdFromWorkflowId,
  EnvelopeStatus as Status,
} from '@signet/shared';
import {
  ActedCountKey,
  EnvelopeStatusKey,
  ExpiresAtKey,
  NextReminderAtKey,
  RequiredCountKey,
  SenderIdKey,
} from '@signet/workflows';
import { senderIdOf } from '../build-envelope-input';
import type { ApiContext } from '../context';
import { fromTemporalError, isGrpcInvalidArgument } from '../errors/temporal-errors';
import { listEnvelopeRows } from '../read-model/list-envelope-rows';
import { openPageToken, signPageToken } from '../temporal/page-token';

export type ListEnvelopesInput = TListEnvelopesQuery;

/** gRPC UNKNOWN (numeric, as in temporal-errors.ts). */
const GRPC_UNKNOWN = 2;

function isGrpcUnknown(error: unknown): boolean {
  return isGrpcServiceError(error) && (error.code as number) === GRPC_UNKNOWN;
}

/**
 * The visibility query. Every value in it is either a constant, an enum member, an opaque hex id or a
 * re-serialised ISO date, so nothing a caller sends reaches the query text unchecked. For example:
 *
 *   WorkflowType = 'envelopeWorkflow' AND ExecutionStatus != 'ContinuedAsNew'
 *     AND EnvelopeStatus = 'PENDING' AND SenderId = 'u_0123…' AND ExpiresAt < '2030-01-01T00:00:00.000Z'
 *
 * `ExecutionStatus != 'ContinuedAsNew'` hides the earlier runs of an envelope that continued as new,
 * so each envelope appears once. No ORDER BY: SQL visibility stores do not support it.
 */
export function buildListQuery(input: Pick<ListEnvelopesInput, 'status' | 'senderEmail' | 'expiringBefore'>): string {
  const clauses = [`WorkflowType = '${ENVELOPE_WORKFLOW_TYPE}'`, `ExecutionStatus != 'ContinuedAsNew'`];
  if (input.status) clauses.push(`${EnvelopeStatusKey.name} = '${input.status}'`);
  if (input.senderEmail) clauses.push(`${SenderIdKey.name} = '${senderIdOf(input.senderEmail)}'`);
  if (input.expiringBefore) clauses.push(`${ExpiresAtKey.name} < '${new Date(input.expiringBefore).toISOString()}'`);
  return clauses.join(' AND ');
}

type RawExecution = NonNullable<
  Awaited<ReturnType<ApiContext['client']['workflowService']['listWorkflowExecutions']>>['executions']
>[number];

function toSummary(raw: RawExecution): TEnvelopeSummary | undefined {
  const envelopeId = envelopeIdFromWorkflowId(raw.execution?.workflowId ?? '');
  if (!envelopeId) return undefined;
  const attributes = decodeTypedSearchAttributes(raw.searchAttributes?.indexedFields);
  const expiresAt = attributes.get(ExpiresAtKey);
  const nextReminderAt = attributes.get(NextReminderAtKey);
  const startedAt = optionalTsToDate(raw.startTime);
  return {
    envelopeId,
    // Set at start by the API, so only a workflow started some other way lacks it.
    status: (attributes.get(EnvelopeStatusKey) as EnvelopeStatus | undefined) ?? Status.PENDING,
    ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}),
    ...(nextReminderAt ? { nextReminderAt: nextReminderAt.toISOString() } : {}),
    progress: { done: attributes.get(ActedCountKey) ?? 0, required: attributes.get(RequiredCountKey) ?? 0 },
    ...(startedAt ? { startedAt: startedAt.toISOString() } : {}),
  };
}

/**
 * Lists envelopes: from the read model when the API has its database (every filter, text search, views,
 * sorts, keyset paging; docs/decisions/0016), else from Temporal visibility (status, sender and deadline
 * filters only; a database-less API is a test or tooling set-up).
 */
export async function listEnvelopes(ctx: ApiContext, input: ListEnvelopesInput): Promise<TEnvelopeList> {
  if (ctx.database) return listEnvelopeRows(ctx.database, input, { now: ctx.now(), secret: ctx.linkSecret });
  if (input.q || input.view || input.sort !== 'updated-desc') {
    throw new AppError(AppErrorCode.DATABASE_UNAVAILABLE, {
      message: 'text search, views and sort orders need the API database (the read model)',
    });
  }
  return listFromVisibility(ctx, input);
}

/**
 * Lists envelopes from Temporal visibility, one page at a time. The server's page token is handed to the
 * client signed (`temporal/page-token.ts`); visibility is eventually consistent, so a just-created envelope may lag.
 */
async function listFromVisibility(ctx: ApiContext, input: ListEnvelopesInput): Promise<TEnvelopeList> {
  let response;
  try {
    response = await ctx.client.workflowService.listWorkflowExecutions({
      namespace: ctx.namespace,
      query: buildListQuery(input),
      pageSize: input.pageSize,
      nextPageToken: input.nextPageToken ? openPageToken(ctx.linkSecret, input.nextPageToken) : Buffer.alloc(0),
    });
  } catch (error) {
    // INVALID_ARGUMENT with a token means the token is stale or forged; the query itself is ours. The SQL
    // visibility store (dev server, SQLite/PostgreSQL) answers UNKNOWN for a token it cannot decode instead.
    if (input.nextPageToken && (isGrpcInvalidArgument(error) || isGrpcUnknown(error))) {
      throw new AppError(AppErrorCode.VALIDATION_FAILED, { message: 'nextPageToken is not valid', cause: error });
    }
    throw fromTemporalError(error) ?? error;
  }
  const items = response.executions.map(toSummary).filter((item): item is TEnvelopeSummary => item !== undefined);
  const token = response.nextPageToken;
  return { items, ...(token && token.length > 0 ? { nextPageToken: signPageToken(ctx.linkSecret, token) } : {}) };
}
