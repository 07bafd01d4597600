import type { TEnvelopeWorkflowInput } from '@signet/shared';
import {
  AppError,
  AppErrorCode,
  ENVELOPE_WORKFLOW_TYPE,
  EnvelopeStatus,
  envelopeWorkflowId,
  isActingRole,
  TASK_QUEUE,
  ZEnvelopeWorkflowInputSchema,
} from '@signet/shared';
import type { envelopeWorkflow } from '@signet/workflows/workflows';
import {
  ActedCountKey,
  EnvelopeStatusKey,
  ExpiresAtKey,
  RequiredCountKey,
  SenderIdKey,
  SourceLibraryKey,
} from '@signet/workflows';
import type { ApiContext } from '../context';
import { fromTemporalError } from '../errors/temporal-errors';

/**
 * Starts one envelope's workflow. The search attributes are set at start so the envelope is listable at
 * once (the workflow keeps them current afterwards). The workflow type is started by its wire name; the
 * function type only checks the arguments. ENVELOPE_EXISTS when the id was ever used.
 */
export async function startEnvelopeWorkflow(ctx: ApiContext, input: TEnvelopeWorkflowInput): Promise<void> {
  // The input is built from checked parts; a mismatch with the workflow's schema is a bug here, not the caller's.
  const checked = ZEnvelopeWorkflowInputSchema.safeParse(input);
  if (!checked.success) {
    throw new AppError(AppErrorCode.INTERNAL, {
      message: `workflow input does not match its schema: ${checked.error.message}`,
    });
  }
  const required = input.recipients.filter((r) => isActingRole(r.role)).length;
  try {
    await ctx.client.workflow.start<typeof envelopeWorkflow>(ENVELOPE_WORKFLOW_TYPE, {
      workflowId: envelopeWorkflowId(input.envelopeId),
      taskQueue: TASK_QUEUE,
      args: [input],
      workflowIdConflictPolicy: 'FAIL',
      // An envelope id names one envelope forever, even after its workflow closed.
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: EnvelopeStatusKey, value: EnvelopeStatus.PENDING },
        { key: SenderIdKey, value: input.sender.id },
        { key: SourceLibraryKey, value: input.sourceLibrary },
        { key: ExpiresAtKey, value: new Date(input.expiresAt) },
        { key: ActedCountKey, value: 0 },
        { key: RequiredCountKey, value: required },
      ],
    });
  } catch (error) {
    throw fromTemporalError(error) ?? error;
  }
}
