import { allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { TAuditEvent } from '@signet/shared';
import { ActorKind, AuditEventType, AuthMethod, NotificationKind } from '@signet/shared';
import type { SigningActivities } from './activities';
import { retentionStatusQuery, setLegalHoldUpdate } from './definitions';
import { senderTarget } from './mail-targets';
import type { RetentionInput, RetentionView } from './retention-types';

const activities = proxyActivities<SigningActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '1 hour' },
});

/**
 * Deletes an ended envelope's documents after the library's retention period, warning the sender first.
 * A legal hold stops the clock; once released, deletion still comes only after a full warning period.
 * Started by the envelope workflow as an abandoned child so the signing workflow can close.
 */
export async function retentionWorkflow(input: RetentionInput): Promise<RetentionView> {
  const audit: TAuditEvent[] = [];
  let legalHold = input.legalHold;
  let warned = false;
  let deleteAt = Date.parse(input.endedAt) + input.policy.deleteAfterMs;
  const deletion: { at?: string } = {};
  const view = (): RetentionView => ({
    envelopeId: input.envelopeId,
    deleteAt: new Date(deleteAt).toISOString(),
    legalHold,
    warned,
    ...(deletion.at ? { deletedAt: deletion.at } : {}),
    audit,
  });
  const record = (type: TAuditEvent['type'], actor: TAuditEvent['actor'], details?: TAuditEvent['details']) =>
    audit.push({
      at: new Date().toISOString(),
      type,
      actor,
      authMethod: actor.kind === ActorKind.SYSTEM ? AuthMethod.SYSTEM : AuthMethod.API_TOKEN,
      ...(details ? { details } : {}),
    });

  setHandler(retentionStatusQuery, view);
  setHandler(setLegalHoldUpdate, (update) => {
    if (update.hold !== legalHold) {
      legalHold = update.hold;
      record(
        update.hold ? AuditEventType.LEGAL_HOLD_SET : AuditEventType.LEGAL_HOLD_RELEASED,
        {
          kind: ActorKind.SENDER,
          email: update.actor.email,
          name: update.actor.name,
        },
        update.reason ? { reason: update.reason } : undefined,
      );
    }
    return { legalHold };
  });

  for (;;) {
    if (legalHold) {
      await condition(() => !legalHold);
      // The sender must get a full warning period after a hold ends.
      deleteAt = Math.max(deleteAt, Date.now() + input.policy.warnBeforeMs);
      warned = false;
      continue;
    }
    const warnAt = deleteAt - input.policy.warnBeforeMs;
    if (!warned && input.policy.warnBeforeMs > 0) {
      if (Date.now() < warnAt && (await condition(() => legalHold, warnAt - Date.now()))) continue;
      await activities.sendNotification({
        kind: NotificationKind.RETENTION_WARNING,
        envelope: {
          envelopeId: input.envelopeId,
          subject: input.subject,
          sender: input.sender,
          documentNames: input.documents.map((d) => d.name),
          expiresAt: input.endedAt,
        },
        to: senderTarget(input.sender),
        idempotencyKey: `${input.envelopeId}.RETENTION_WARNING.${deleteAt}`,
        deleteAt: new Date(deleteAt).toISOString(),
      });
      warned = true;
      record(
        AuditEventType.RETENTION_WARNED,
        { kind: ActorKind.SYSTEM },
        { deleteAt: new Date(deleteAt).toISOString() },
      );
    }
    if (Date.now() < deleteAt && (await condition(() => legalHold, deleteAt - Date.now()))) continue;
    break;
  }

  const result = await activities.deleteDocuments({ envelopeId: input.envelopeId, documents: input.documents });
  deletion.at = new Date().toISOString();
  record(AuditEventType.DELETED, { kind: ActorKind.SYSTEM }, { files: result.deleted.length });
  await condition(allHandlersFinished);
  return view();
}
