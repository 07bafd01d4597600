/**
 * Wire names shared by every process that talks to Temporal. They are API: renaming one breaks running
 * envelopes and needs a `patched()` gate. Update, signal and query names live with their definitions in
 * `@signet/workflows` (definitions.ts).
 */

/** The one task queue for envelope and retention workflows and their activities. */
export const TASK_QUEUE = 'signet-envelopes';

export const ENVELOPE_WORKFLOW_TYPE = 'envelopeWorkflow';
export const RETENTION_WORKFLOW_TYPE = 'retentionWorkflow';

/** Workflow id of an envelope: idempotent start and easy to find in the Temporal UI. */
export function envelopeWorkflowId(envelopeId: string): string {
  return `envelope-${envelopeId}`;
}

/** Workflow id of an envelope's retention workflow. */
export function retentionWorkflowId(envelopeId: string): string {
  return `retention-${envelopeId}`;
}

/** Inverse of {@link envelopeWorkflowId}; undefined for ids of other workflows. */
export function envelopeIdFromWorkflowId(workflowId: string): string | undefined {
  return workflowId.startsWith('envelope-') ? workflowId.slice('envelope-'.length) : undefined;
}

/**
 * Custom search attributes for admins. No personal data: ids only (Temporal stores them unencrypted and
 * shows them to every UI user). Budget: 3/10 Keyword, 2/3 Datetime, 2/3 Int.
 */
export const SEARCH_ATTRIBUTES = {
  EnvelopeStatus: 'Keyword',
  SenderId: 'Keyword',
  SourceLibrary: 'Keyword',
  ExpiresAt: 'Datetime',
  NextReminderAt: 'Datetime',
  ActedCount: 'Int',
  RequiredCount: 'Int',
} as const;
export type SearchAttributeName = keyof typeof SEARCH_ATTRIBUTES;
