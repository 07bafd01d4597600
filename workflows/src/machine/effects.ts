import type { NotificationKind } from '@signet/shared';

/**
 * What the pure machine asks the workflow to do. The workflow turns each effect into activity calls;
 * the machine itself never performs I/O.
 */
export type Effect =
  | {
      type: 'notify';
      kind: NotificationKind;
      /** Recipients who get their own e-mail (with their own link where the kind has one). */
      recipientIds: string[];
      toSender: boolean;
      /** Decline or cancel reason, shown in the mail. */
      reason?: string;
      /** Who caused the mail (the decliner, the sender who cancelled). */
      actorName?: string;
    }
  /** All required actions are done: seal, store, deliver, complete. */
  | { type: 'finalise' };
