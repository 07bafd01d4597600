import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  TAddRecipientInput,
  TApproveInput,
  TCancelInput,
  TDeclineInput,
  TDelegateInput,
  TEnvelopeView,
  TExtendInput,
  TRemindInput,
  TRemoveRecipientInput,
  TReplaceRecipientInput,
  TSetLegalHoldInput,
  TSignInput,
  TViewedInput,
} from '@signet/shared';
import type { RetentionView } from './retention-types';

// Message definitions: the one place their wire names are written. Clients (api, cli, tests) import these
// so every call is type-checked against the workflow.

// Recipient actions (Updates with validators: a rejected action writes no history).
export const signEnvelopeUpdate = defineUpdate<TEnvelopeView, [TSignInput]>('signEnvelope');
export const approveEnvelopeUpdate = defineUpdate<TEnvelopeView, [TApproveInput]>('approveEnvelope');
export const declineEnvelopeUpdate = defineUpdate<TEnvelopeView, [TDeclineInput]>('declineEnvelope');
export const delegateEnvelopeUpdate = defineUpdate<TEnvelopeView, [TDelegateInput]>('delegateEnvelope');
/** Fire-and-forget: opening a link must never fail because of the audit. */
export const recipientViewedSignal = defineSignal<[TViewedInput]>('recipientViewed');

// Sender actions.
export const cancelEnvelopeUpdate = defineUpdate<TEnvelopeView, [TCancelInput]>('cancelEnvelope');
export const extendDeadlineUpdate = defineUpdate<TEnvelopeView, [TExtendInput]>('extendDeadline');
export const remindNowUpdate = defineUpdate<TEnvelopeView, [TRemindInput]>('remindNow');
export const replaceRecipientUpdate = defineUpdate<TEnvelopeView, [TReplaceRecipientInput]>('replaceRecipient');
export const addRecipientUpdate = defineUpdate<TEnvelopeView, [TAddRecipientInput]>('addRecipient');
export const removeRecipientUpdate = defineUpdate<TEnvelopeView, [TRemoveRecipientInput]>('removeRecipient');

/** Accepted by the envelope workflow while it runs and by the retention workflow afterwards. */
export const setLegalHoldUpdate = defineUpdate<{ legalHold: boolean }, [TSetLegalHoldInput]>('setLegalHold');

export const envelopeStatusQuery = defineQuery<TEnvelopeView>('envelopeStatus');
export const retentionStatusQuery = defineQuery<RetentionView>('retentionStatus');
