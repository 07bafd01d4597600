import { AuditEventType, EnvelopeStatus, NotificationKind, RecipientRole } from '@signet/shared';
import type { SignatureLine } from './activities';
import { library, runNotify } from './envelope-effects';
import type { EnvelopeState } from './machine/envelope-state';
import { iso, recordAudit, SYSTEM_ACTOR } from './machine/envelope-state';

function signatureLines(state: EnvelopeState): SignatureLine[] {
  const lines: SignatureLine[] = [];
  for (const r of state.recipients) {
    if ((r.status !== 'SIGNED' && r.status !== 'APPROVED') || !r.actedAt) continue;
    lines.push({
      recipientId: r.id,
      name: r.name,
      email: r.email,
      role: r.role,
      action: r.status,
      at: r.actedAt,
      authMethod: r.authMethod ?? 'LINK',
      ...(r.onBehalfOf ? { onBehalfOf: r.onBehalfOf } : {}),
      ...(r.signatureText ? { signatureText: r.signatureText } : {}),
      ...(r.signatureKind ? { signatureKind: r.signatureKind } : {}),
      ...(r.signatureImagePng ? { signatureImagePng: r.signatureImagePng } : {}),
      ...(r.identity ? { identity: r.identity } : {}),
    });
  }
  return lines;
}

/**
 * Completion: seal each document (staged, never half-written into the library), store the signed copy
 * beside the original, then deliver a copy to every recipient and tell the sender. Each step records its
 * audit event. Steps already done survive a continueAsNew in the documents' fields.
 */
export async function finaliseEnvelope(state: EnvelopeState): Promise<void> {
  const completedAt = iso(Date.now());
  const signatures = signatureLines(state);
  for (const document of state.documents) {
    if (document.signedCopyRef) continue;
    const sealed = await library.sealDocument({
      envelopeId: state.config.envelopeId,
      subject: state.config.subject,
      document,
      signatures,
      completedAt,
      ...(state.config.sender.timeZone ? { senderTimeZone: state.config.sender.timeZone } : {}),
      audit: state.audit,
    });
    document.originalSha256 = sealed.originalSha256;
    document.sealedSha256 = sealed.sealedSha256;
    recordAudit(state, Date.now(), AuditEventType.SEALED, SYSTEM_ACTOR, {
      details: {
        document: document.name,
        originalSha256: sealed.originalSha256,
        sealedSha256: sealed.sealedSha256,
        ...(sealed.level ? { level: sealed.level } : {}),
      },
    });
    const stored = await library.storeSignedCopy({
      envelopeId: state.config.envelopeId,
      document,
      stagedKey: sealed.stagedKey,
      ...(sealed.evidenceStagedKey ? { evidenceStagedKey: sealed.evidenceStagedKey } : {}),
    });
    document.signedCopyRef = stored.signedCopyRef;
    if (stored.evidenceRef) document.evidenceRef = stored.evidenceRef;
    recordAudit(state, Date.now(), AuditEventType.STORED, SYSTEM_ACTOR, {
      details: { document: document.name, path: stored.signedCopyRef.path },
    });
  }
  state.status = EnvelopeStatus.COMPLETED;
  state.endedAt = iso(Date.now());
  state.endReason = 'all recipients acted';

  const receivers = state.recipients.filter((r) => r.status !== 'DELEGATED' || r.role === RecipientRole.CC);
  const attachments = state.documents.flatMap((d) => [
    ...(d.signedCopyRef ? [{ name: d.name, ref: d.signedCopyRef }] : []),
    ...(d.evidenceRef ? [{ name: d.name.replace(/(\.pdf)?$/i, ' (evidence).pdf'), ref: d.evidenceRef }] : []),
  ]);
  await runNotify(
    state,
    { type: 'notify', kind: NotificationKind.COMPLETED, recipientIds: receivers.map((r) => r.id), toSender: true },
    { attachments },
  );
  const deliveredAt = Date.now();
  for (const r of receivers) {
    r.copyDeliveredAt = iso(deliveredAt);
    if (r.role === RecipientRole.CC || r.role === RecipientRole.VIEWER) r.status = 'RECEIVED';
    recordAudit(state, deliveredAt, AuditEventType.DELIVERED, SYSTEM_ACTOR, { recipientId: r.id });
  }
  recordAudit(state, deliveredAt, AuditEventType.COMPLETED, SYSTEM_ACTOR, {
    details: { documents: state.documents.length },
  });
  state.finalising = false;
}
