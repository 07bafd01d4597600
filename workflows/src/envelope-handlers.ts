import type { UpdateDefinition } from '@temporalio/common';
import { setHandler } from '@temporalio/workflow';
import type { TEnvelopeView } from '@signet/shared';
import {
  addRecipientUpdate,
  approveEnvelopeUpdate,
  cancelEnvelopeUpdate,
  declineEnvelopeUpdate,
  delegateEnvelopeUpdate,
  envelopeStatusQuery,
  extendDeadlineUpdate,
  recipientViewedSignal,
  remindNowUpdate,
  removeRecipientUpdate,
  replaceRecipientUpdate,
  setLegalHoldUpdate,
  signEnvelopeUpdate,
} from './definitions';
import type { Effect } from './machine/effects';
import type { EnvelopeState } from './machine/envelope-state';
import { toEnvelopeView } from './machine/envelope-state';
import * as recipient from './machine/recipient-actions';
import { currentRoutingOrder } from './machine/routing';
import * as sender from './machine/sender-actions';
import { nextReminderAt } from './machine/timers';
import { enforce } from './rule-failure';

/** Called after every accepted message with the effects it produced (possibly none). */
export type OnChange = (effects: Effect[]) => void;

export function viewOf(state: EnvelopeState): TEnvelopeView {
  return toEnvelopeView(state, nextReminderAt(state), currentRoutingOrder(state));
}

/**
 * Registers every update, signal and query of the envelope workflow. Handlers are synchronous: they apply
 * a pure rule and queue effects; the workflow's main loop runs the activities, one at a time.
 */
export function registerEnvelopeHandlers(state: EnvelopeState, onChange: OnChange): void {
  const now = () => Date.now();
  const bind = <I>(
    update: UpdateDefinition<TEnvelopeView, [I]>,
    validate: (s: EnvelopeState, input: I, nowMs: number) => unknown,
    apply: (s: EnvelopeState, input: I, nowMs: number) => Effect[],
  ): void => {
    setHandler(
      update,
      (input: I) => {
        onChange(enforce(() => apply(state, input, now())));
        return viewOf(state);
      },
      { validator: (input: I) => void enforce(() => validate(state, input, now())) },
    );
  };

  bind(signEnvelopeUpdate, recipient.validateSign, recipient.applySign);
  bind(approveEnvelopeUpdate, recipient.validateApprove, recipient.applyApprove);
  bind(declineEnvelopeUpdate, recipient.validateDecline, recipient.applyDecline);
  bind(delegateEnvelopeUpdate, recipient.validateDelegate, recipient.applyDelegate);
  bind(cancelEnvelopeUpdate, sender.validateCancel, sender.applyCancel);
  bind(extendDeadlineUpdate, sender.validateExtend, sender.applyExtend);
  bind(remindNowUpdate, sender.validateRemind, sender.applyRemind);
  bind(replaceRecipientUpdate, sender.validateReplace, sender.applyReplace);
  bind(addRecipientUpdate, sender.validateAdd, sender.applyAdd);
  bind(removeRecipientUpdate, sender.validateRemove, sender.applyRemove);

  setHandler(setLegalHoldUpdate, (input) => {
    sender.applyLegalHold(state, input, now());
    onChange([]);
    return { legalHold: state.legalHold };
  });
  setHandler(recipientViewedSignal, (input) => {
    recipient.applyViewed(state, input, now());
    onChange([]);
  });
  setHandler(envelopeStatusQuery, () => viewOf(state));
}
