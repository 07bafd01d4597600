import { AppError } from '@signet/shared';
import { createEnvelopeState, recordSent, toEnvelopeView } from './envelope-state';
import type { EnvelopeState } from './envelope-state';
import * as recipient from './recipient-actions';
import { currentRoutingOrder, startRouting } from './routing';
import * as sender from './sender-actions';
import { applyDueTimers, nextReminderAt, nextWakeAt } from './timers';
import { cred, DAY, HOUR, makeInput, SENDER, slot, T0 } from './test-fixtures';

function started(overrides = {}): EnvelopeState {
  const state = createEnvelopeState(makeInput(overrides));
  recordSent(state, T0);
  startRouting(state, T0);
  return state;
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return undefined;
}

const statuses = (state: EnvelopeState) => Object.fromEntries(state.recipients.map((r) => [r.id, r.status]));

describe('routing', () => {
  it('invites only the lowest routing group and moves group by group', () => {
    const state = started({ recipients: [slot('a', 1), slot('b', 2), slot('c', 2), slot('d', 3)] });
    expect(statuses(state)).toEqual({ a: 'PENDING', b: 'WAITING', c: 'WAITING', d: 'WAITING' });
    const effects = recipient.applySign(state, cred('a'), T0 + HOUR);
    expect(effects).toEqual([{ type: 'notify', kind: 'INVITATION', recipientIds: ['b', 'c'], toSender: false }]);
    recipient.applySign(state, cred('b'), T0 + 2 * HOUR);
    expect(currentRoutingOrder(state)).toBe(2);
    expect(statuses(state).d).toBe('WAITING');
    recipient.applySign(state, cred('c'), T0 + 3 * HOUR);
    expect(statuses(state).d).toBe('PENDING');
    expect(recipient.applySign(state, cred('d'), T0 + 4 * HOUR)).toEqual([{ type: 'finalise' }]);
    expect(state.finalising).toBe(true);
  });

  it('skips copy recipients when routing and counts only signers and approvers', () => {
    const state = started({ recipients: [slot('cc', 1, 'CC'), slot('a', 2), slot('p', 2, 'APPROVER')] });
    expect(statuses(state)).toEqual({ cc: 'WAITING', a: 'PENDING', p: 'PENDING' });
    expect(toEnvelopeView(state, undefined, 2).progress).toEqual({ done: 0, required: 2 });
  });

  it('rejects out-of-turn, repeated and wrong-role actions with typed codes', () => {
    const state = started({ recipients: [slot('a', 1), slot('p', 2, 'APPROVER'), slot('cc', 3, 'CC')] });
    expect(codeOf(() => recipient.validateApprove(state, cred('p'), T0))).toBe('NOT_YOUR_TURN');
    expect(codeOf(() => recipient.validateApprove(state, cred('a'), T0))).toBe('WRONG_ROLE');
    expect(codeOf(() => recipient.validateSign(state, { ...cred('a'), recipientKey: 'forged-key-000000' }, T0))).toBe(
      'UNKNOWN_RECIPIENT',
    );
    expect(codeOf(() => recipient.validateSign(state, cred('nobody'), T0))).toBe('UNKNOWN_RECIPIENT');
    expect(codeOf(() => recipient.validateDecline(state, { ...cred('cc'), reason: 'no' }, T0))).toBe('WRONG_ROLE');
    recipient.applySign(state, cred('a'), T0);
    expect(codeOf(() => recipient.validateSign(state, cred('a'), T0))).toBe('ALREADY_ACTED');
    expect(codeOf(() => recipient.validateSign(state, cred('p'), T0))).toBe('WRONG_ROLE');
    expect(codeOf(() => recipient.validateApprove(state, cred('p'), T0))).toBeUndefined();
  });

  it('rejects actions at or after the deadline even before the expiry timer fired', () => {
    const state = started();
    expect(codeOf(() => recipient.validateSign(state, cred('a'), T0 + 14 * DAY))).toBe('ENVELOPE_EXPIRED');
  });
});

describe('decline and delegate', () => {
  it('decline needs a reason, ends the envelope and tells the sender and involved recipients', () => {
    const state = started({ recipients: [slot('a', 1), slot('b', 2), slot('c', 3)] });
    recipient.applySign(state, cred('a'), T0);
    expect(codeOf(() => recipient.validateDecline(state, { ...cred('b'), reason: '  ' }, T0))).toBe('REASON_REQUIRED');
    const effects = recipient.applyDecline(state, { ...cred('b'), reason: 'Wrong price' }, T0 + HOUR);
    expect(state.status).toBe('DECLINED');
    expect(effects).toEqual([
      {
        type: 'notify',
        kind: 'DECLINED',
        recipientIds: ['a'],
        toSender: true,
        reason: 'Wrong price',
        actorName: 'Person b',
      },
    ]);
    expect(codeOf(() => recipient.validateSign(state, cred('c'), T0))).toBe('ENVELOPE_DECLINED');
    expect(state.recipients.find((r) => r.id === 'a')?.status).toBe('SIGNED');
  });

  it('delegate hands the turn to a new slot with the same role and order', () => {
    const state = started();
    const to = { id: 'z', key: 'key-z-0123456789abcdef', email: 'z@example.com', name: 'Zed' };
    expect(
      codeOf(() => recipient.validateDelegate(state, { ...cred('a'), to: { ...to, email: 'B@example.com' } }, T0)),
    ).toBe('DUPLICATE_RECIPIENT');
    const effects = recipient.applyDelegate(state, { ...cred('a'), to }, T0 + HOUR);
    expect(effects).toEqual([{ type: 'notify', kind: 'INVITATION', recipientIds: ['z'], toSender: false }]);
    expect(statuses(state)).toEqual({ a: 'DELEGATED', z: 'PENDING', b: 'WAITING' });
    expect(codeOf(() => recipient.validateSign(state, cred('a'), T0))).toBe('ALREADY_ACTED');
    recipient.applySign(state, { recipientId: 'z', recipientKey: to.key, authMethod: 'LINK' }, T0 + 2 * HOUR);
    expect(statuses(state).b).toBe('PENDING');
    expect(toEnvelopeView(state, undefined, 2).progress).toEqual({ done: 1, required: 2 });
  });

  it('refuses delegation when the envelope does not allow it', () => {
    const state = started({ allowDelegation: false });
    const to = { id: 'z', key: 'key-z-0123456789abcdef', email: 'z@example.com', name: 'Zed' };
    expect(codeOf(() => recipient.validateDelegate(state, { ...cred('a'), to }, T0))).toBe('DELEGATION_NOT_ALLOWED');
  });
});

describe('sender changes', () => {
  it('replace gives a pending slot a new person and kills the old link', () => {
    const state = started();
    const replacement = { id: 'n', key: 'key-n-0123456789abcdef', email: 'n@example.com', name: 'New' };
    const effects = sender.applyReplace(state, { actor: SENDER, recipientId: 'a', replacement }, T0);
    expect(effects).toEqual([{ type: 'notify', kind: 'INVITATION', recipientIds: ['n'], toSender: false }]);
    expect(codeOf(() => recipient.validateSign(state, cred('a'), T0))).toBe('UNKNOWN_RECIPIENT');
    expect(state.recipients.map((r) => r.id)).toEqual(['n', 'b']);
  });

  it('add joins the current group at once, refuses finished groups; remove advances routing', () => {
    const state = started({ recipients: [slot('a', 1), slot('b', 2)] });
    recipient.applySign(state, cred('a'), T0);
    const add = (id: string, order: number) => ({
      actor: SENDER,
      recipient: {
        id,
        key: `key-${id}-0123456789abcdef`,
        email: `${id}@example.com`,
        name: id,
        role: 'SIGNER' as const,
        routingOrder: order,
      },
    });
    expect(codeOf(() => sender.validateAdd(state, add('x', 1), T0))).toBe('ROUTING_ORDER_PASSED');
    expect(sender.applyAdd(state, add('x', 2), T0)).toEqual([
      { type: 'notify', kind: 'INVITATION', recipientIds: ['x'], toSender: false },
    ]);
    expect(codeOf(() => sender.validateRemove(state, { actor: SENDER, recipientId: 'a' }, T0))).toBe('ALREADY_ACTED');
    recipient.applySign(state, cred('b'), T0);
    expect(sender.applyRemove(state, { actor: SENDER, recipientId: 'x' }, T0)).toEqual([{ type: 'finalise' }]);
  });

  it('will not remove the last signer', () => {
    const state = started({ recipients: [slot('a', 1), slot('cc', 1, 'CC')] });
    expect(codeOf(() => sender.validateRemove(state, { actor: SENDER, recipientId: 'a' }, T0))).toBe(
      'LAST_ACTING_RECIPIENT',
    );
  });

  it('extend only moves the deadline later and re-arms the warning', () => {
    const state = started();
    state.expiryWarningSent = true;
    expect(
      codeOf(() => sender.validateExtend(state, { actor: SENDER, expiresAt: new Date(T0 + DAY).toISOString() }, T0)),
    ).toBe('DEADLINE_NOT_LATER');
    sender.applyExtend(state, { actor: SENDER, expiresAt: new Date(T0 + 30 * DAY).toISOString() }, T0);
    expect(state.expiryWarningSent).toBe(false);
    expect(state.audit.at(-1)).toMatchObject({ type: 'EXTENDED', actor: { kind: 'SENDER' } });
  });

  it('cancel needs a reason and tells only those already involved', () => {
    const state = started();
    expect(codeOf(() => sender.validateCancel(state, { actor: SENDER, reason: '' }, T0))).toBe('REASON_REQUIRED');
    const effects = sender.applyCancel(state, { actor: SENDER, reason: 'Deal off' }, T0);
    expect(state.status).toBe('CANCELLED');
    expect(effects[0]).toMatchObject({ kind: 'CANCELLED', recipientIds: ['a'] });
    expect(codeOf(() => sender.validateRemind(state, { actor: SENDER }, T0))).toBe('ENVELOPE_CANCELLED');
  });
});

describe('timers', () => {
  it('reminds first after X, then every Y, at most N times, only to recipients whose turn it is', () => {
    const state = started({ expiresAt: new Date(T0 + 60 * DAY).toISOString() });
    expect(nextReminderAt(state)).toBe(new Date(T0 + 3 * DAY).toISOString());
    const sent: number[] = [];
    let now = T0;
    for (let i = 0; i < 10; i++) {
      const wake = nextWakeAt(state)!;
      if (wake >= T0 + 58 * DAY) break;
      now = wake;
      const effects = applyDueTimers(state, now);
      if (effects.some((e) => e.type === 'notify' && e.kind === 'REMINDER')) sent.push((now - T0) / DAY);
    }
    expect(sent).toEqual([3, 5, 7]);
    expect(state.recipients.find((r) => r.id === 'b')?.remindersSent).toBe(0);
  });

  it('never schedules a reminder at or after the deadline', () => {
    const state = started({ expiresAt: new Date(T0 + 4 * DAY).toISOString(), expiryWarningMs: 0 });
    applyDueTimers(state, T0 + 3 * DAY);
    expect(nextReminderAt(state)).toBeUndefined();
    expect(nextWakeAt(state)).toBe(T0 + 4 * DAY);
  });

  it('warns K before the deadline once, then expires keeping given signatures', () => {
    const state = started({ recipients: [slot('a', 1), slot('b', 1)], reminders: null });
    recipient.applySign(state, cred('a'), T0 + HOUR);
    expect(nextWakeAt(state)).toBe(T0 + 12 * DAY);
    const warning = applyDueTimers(state, T0 + 12 * DAY);
    expect(warning).toEqual([{ type: 'notify', kind: 'EXPIRY_WARNING', recipientIds: ['b'], toSender: true }]);
    expect(nextWakeAt(state)).toBe(T0 + 14 * DAY);
    const expiry = applyDueTimers(state, T0 + 14 * DAY);
    expect(expiry).toEqual([{ type: 'notify', kind: 'EXPIRED', recipientIds: ['b'], toSender: true }]);
    expect(state.status).toBe('EXPIRED');
    expect(statuses(state)).toEqual({ a: 'SIGNED', b: 'PENDING' });
    expect(nextWakeAt(state)).toBeUndefined();
  });
});

describe('view', () => {
  it('never exposes link keys', () => {
    const state = started();
    expect(JSON.stringify(toEnvelopeView(state, undefined, 1))).not.toContain('key-a-');
  });
});

describe('recipient authentication', () => {
  const otpSlot = { ...slot('a', 1), authentication: 'EMAIL_OTP' as const };
  const strongSlot = { ...slot('s', 1), authentication: 'STRONG' as const, recordNationalId: true };

  it('refuses a link-only action from a recipient who must authenticate, and takes the required method', () => {
    const state = started({ recipients: [otpSlot, slot('b', 2)] });
    expect(codeOf(() => recipient.applySign(state, cred('a'), T0 + HOUR))).toBe('AUTHENTICATION_REQUIRED');
    expect(codeOf(() => recipient.applyDecline(state, { ...cred('a'), reason: 'no' }, T0 + HOUR))).toBe(
      'AUTHENTICATION_REQUIRED',
    );
    expect(statuses(state).a).toBe('PENDING');
    recipient.applySign(state, { ...cred('a'), authMethod: 'EMAIL_OTP' }, T0 + HOUR);
    expect(statuses(state).a).toBe('SIGNED');
    expect(state.audit.at(-2)).toMatchObject({ type: 'SIGNED', authMethod: 'EMAIL_OTP' });
  });

  it('accepts strong authentication for any requirement but not Microsoft sign-in for a strong one', () => {
    const state = started({ recipients: [otpSlot, strongSlot] });
    recipient.applySign(state, { ...cred('a'), authMethod: 'STRONG' }, T0 + HOUR);
    expect(codeOf(() => recipient.applySign(state, { ...cred('s'), authMethod: 'MICROSOFT' }, T0 + HOUR))).toBe(
      'AUTHENTICATION_REQUIRED',
    );
  });

  it('keeps the masked national id only when the sender asked, and never shows images in the view', () => {
    const identity = {
      issuer: 'https://idp.example',
      name: 'Aino',
      nationalIdMasked: '010190-***A',
      nationalIdSha256: 'a'.repeat(64),
    };
    const state = started({ recipients: [{ ...otpSlot, authentication: 'STRONG' as const }, strongSlot] });
    const image = { signatureKind: 'DRAWN' as const, signatureImagePng: 'iVBORw0KGgo=' };
    recipient.applySign(state, { ...cred('a'), authMethod: 'STRONG', identity, ...image }, T0 + HOUR);
    recipient.applySign(state, { ...cred('s'), authMethod: 'STRONG', identity }, T0 + HOUR);
    const [a, s] = state.recipients;
    expect(a?.identity).toEqual({ issuer: 'https://idp.example', name: 'Aino' });
    expect(s?.identity).toEqual(identity);
    expect(a?.signatureImagePng).toBe('iVBORw0KGgo=');
    const view = toEnvelopeView(state, undefined, 1);
    expect(JSON.stringify(view)).not.toContain('iVBORw0KGgo');
    // The audit names the masked number (people see it masked); the hash stays with the signature only.
    expect(JSON.stringify(view)).not.toContain('a'.repeat(64));
    expect(JSON.stringify(view.audit)).toContain('010190-***A');
  });

  it('records the identity provider with approvals and declines too, the number only when asked', () => {
    const identity = { issuer: 'https://idp.example', name: 'Aino', nationalIdMasked: '010190-****' };
    const approver = { ...slot('p', 1, 'APPROVER'), authentication: 'STRONG' as const, recordNationalId: true };
    const state = started({ recipients: [approver, { ...slot('d', 2), authentication: 'MICROSOFT' as const }] });
    recipient.applyApprove(state, { ...cred('p'), authMethod: 'STRONG', identity }, T0 + HOUR);
    expect(state.audit.find((e) => e.type === 'APPROVED')?.details).toEqual({
      identityIssuer: 'https://idp.example',
      nationalIdMasked: '010190-****',
    });
    const microsoft = { issuer: 'https://login.example', email: 'd@example.com', nationalIdMasked: 'x' };
    recipient.applyDecline(
      state,
      { ...cred('d'), authMethod: 'MICROSOFT', identity: microsoft, reason: 'no' },
      T0 + HOUR,
    );
    expect(state.audit.find((e) => e.type === 'DECLINED')?.details).toEqual({
      reason: 'no',
      identityIssuer: 'https://login.example',
    });
    expect(state.recipients.find((r) => r.id === 'd')?.identity).toEqual({
      issuer: 'https://login.example',
      email: 'd@example.com',
    });
  });

  it('gives a delegate the same requirement as the recipient who delegated', () => {
    const state = started({ recipients: [otpSlot, slot('b', 2)] });
    const to = { id: 'z', key: 'key-z-0123456789abcdef', email: 'z@example.com', name: 'Zed' };
    recipient.applyDelegate(state, { ...cred('a'), authMethod: 'EMAIL_OTP', to }, T0 + HOUR);
    expect(state.recipients.find((r) => r.id === 'z')?.authentication).toBe('EMAIL_OTP');
  });
});
