import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { AppErrorCode } from '@signet/shared';
import { linkToken } from '../test-support/test-app';
import type { RecipientAuthTestApp } from './recipient-auth-test-app';
import type { TestDatabase } from '../db/test-database';
import {
  clearRecipientAuthTables,
  createRecipientAuthTestApp,
  openMigratedDatabase,
  START,
  viewRequiring,
} from './recipient-auth-test-app';

// One-time codes and recipient sessions through the real routes, over a real (PGlite, or PostgreSQL in CI)
// database; Temporal is faked (the workflow's own checks are tested in workflows/).

const ALICE = linkToken();
const BOB = linkToken('env-123456', 'r-bob', 'key-bob-0123456789ab');
let t: RecipientAuthTestApp;
let database: TestDatabase;

beforeAll(async () => {
  database = await openMigratedDatabase();
});
afterAll(async () => database?.close());
afterEach(async () => {
  await t?.app.close();
  await clearRecipientAuthTables(database);
});

async function post(path: string, payload: unknown = {}, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url: `/api/v1/recipient/${path}`, payload: payload as object, headers });
}

function codeIn(text: string): string {
  const code = /^\s{4}(\d{6})$/m.exec(text)?.[1];
  if (!code) throw new Error('no code in the mail');
  return code;
}

async function sendCode(): Promise<string> {
  const sent = await post(`${ALICE}/otp`);
  expect(sent.statusCode).toBe(200);
  return codeIn(t.mails.at(-1)!.text);
}

function wrong(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}

describe('EMAIL_OTP', () => {
  beforeEach(async () => {
    t = await createRecipientAuthTestApp(viewRequiring('EMAIL_OTP'), { database });
  });

  it('asks for the code first, mails it to the invited address in their language, and opens a session', async () => {
    const refused = await t.app.inject({ method: 'GET', url: `/api/v1/recipient/${ALICE}` });
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({
      error: {
        code: 'AUTHENTICATION_REQUIRED',
        details: { method: 'EMAIL_OTP', emailHint: 'a•••@example.com', senderName: 'Sam Sender', locale: 'fi' },
      },
    });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/recipient/${ALICE}/documents/0` })).statusCode).toBe(401);

    const sent = await post(`${ALICE}/otp`);
    expect(sent.json()).toEqual({
      sentTo: 'a•••@example.com',
      expiresAt: new Date(START + 10 * 60_000).toISOString(),
      resendAfter: new Date(START + 30_000).toISOString(),
    });
    const [mail] = t.mails;
    expect(mail!.to.email).toBe('alice@example.com');
    expect(mail!.subject).toBe('Koodisi asiakirjaan "NDA for Project X"');
    expect(mail!.text).toContain('Sam Sender pyytää');
    expect(mail!.text).toContain('10 minuutin');
    const code = codeIn(mail!.text);
    expect(mail!.html).toContain(code);
    // The code is never written to the log, nor stored in clear.
    expect(t.logs.join('\n')).not.toContain(code);
    const rows = await t.database.db.query('SELECT * FROM recipient_otps');
    expect(JSON.stringify(rows)).not.toContain(code);

    const verified = await post(`${ALICE}/otp/verify`, { code });
    expect(verified.statusCode).toBe(200);
    const { session, method, expiresAt } = verified.json<{ session: string; method: string; expiresAt: string }>();
    expect(method).toBe('EMAIL_OTP');
    expect(Buffer.from(session, 'base64url')).toHaveLength(32);
    expect(expiresAt).toBe(new Date(START + 3_600_000).toISOString());

    const view = await t.app.inject({
      method: 'GET',
      url: `/api/v1/recipient/${ALICE}`,
      headers: { 'x-signet-session': session },
    });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ authentication: { required: 'EMAIL_OTP', method: 'EMAIL_OTP' }, locale: 'fi' });
    // The viewed signal carries the method, for the audit trail.
    expect(t.temporal.signals[0]?.input).toMatchObject({ recipientId: 'r-alice', authMethod: 'EMAIL_OTP' });
    // A code works once.
    expect((await post(`${ALICE}/otp/verify`, { code })).json()).toMatchObject({ error: { code: 'OTP_EXPIRED' } });
  });

  it('refuses an expired code', async () => {
    const code = await sendCode();
    t.clock.now += 10 * 60_000 + 1;
    const response = await post(`${ALICE}/otp/verify`, { code });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'OTP_EXPIRED' } });
  });

  it('locks the link for 15 minutes after 5 wrong codes, and voids the code', async () => {
    const code = await sendCode();
    for (const attemptsLeft of [4, 3, 2, 1]) {
      const response = await post(`${ALICE}/otp/verify`, { code: wrong(code) });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'OTP_INVALID', details: { attemptsLeft } } });
    }
    const locked = await post(`${ALICE}/otp/verify`, { code: wrong(code) });
    expect(locked.statusCode).toBe(423);
    const lockedUntil = new Date(START + 15 * 60_000).toISOString();
    expect(locked.json()).toMatchObject({ error: { code: 'OTP_LOCKED', details: { lockedUntil } } });
    // Even the right code is refused while locked, and no new code is sent.
    expect((await post(`${ALICE}/otp/verify`, { code })).statusCode).toBe(423);
    expect((await post(`${ALICE}/otp`)).statusCode).toBe(423);
    t.clock.now = START + 15 * 60_000;
    expect((await post(`${ALICE}/otp/verify`, { code })).json()).toMatchObject({ error: { code: 'OTP_EXPIRED' } });
    const fresh = await sendCode();
    expect((await post(`${ALICE}/otp/verify`, { code: fresh })).statusCode).toBe(200);
  });

  it('parallel guesses cannot exceed the limit', async () => {
    const code = await sendCode();
    const answers = await Promise.all(
      Array.from({ length: 20 }, async () =>
        (await post(`${ALICE}/otp/verify`, { code: wrong(code) })).json<{ error: { code: string } }>(),
      ),
    );
    const codes = answers.map((answer) => answer.error.code);
    expect(codes.filter((c) => c === 'OTP_INVALID')).toHaveLength(4);
    expect(codes.filter((c) => c === 'OTP_LOCKED')).toHaveLength(16);
    expect((await post(`${ALICE}/otp/verify`, { code })).statusCode).toBe(423);
  });

  it('rate-limits sending: 30 s between codes, at most 3 in 15 minutes', async () => {
    await sendCode();
    const soon = await post(`${ALICE}/otp`);
    expect(soon.statusCode).toBe(429);
    expect(soon.json()).toMatchObject({ error: { code: 'OTP_RATE_LIMITED', details: { retryAfterSeconds: 30 } } });
    t.clock.now += 30_000;
    await sendCode();
    t.clock.now += 30_000;
    await sendCode();
    t.clock.now += 30_000;
    const fourth = await post(`${ALICE}/otp`);
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json()).toMatchObject({ error: { details: { retryAfterSeconds: 15 * 60 - 90 } } });
    expect(t.mails).toHaveLength(3);
    t.clock.now = START + 15 * 60_000;
    await sendCode();
  });

  it('refuses to open sessions once the envelope ended or the recipient acted', async () => {
    t.view.status = 'COMPLETED';
    expect((await post(`${ALICE}/otp`)).json()).toMatchObject({ error: { code: 'ENVELOPE_COMPLETED' } });
    t.view.status = 'PENDING';
    t.view.recipients[0]!.status = 'SIGNED';
    expect((await post(`${ALICE}/otp`)).json()).toMatchObject({ error: { code: 'ALREADY_ACTED' } });
    expect(t.mails).toHaveLength(0);
  });
});

describe('recipient sessions', () => {
  async function openSession(): Promise<string> {
    const code = await sendCode();
    return (await post(`${ALICE}/otp/verify`, { code })).json<{ session: string }>().session;
  }

  beforeEach(async () => {
    const view = viewRequiring('EMAIL_OTP');
    Object.assign(view.recipients[1]!, { authentication: 'EMAIL_OTP' });
    t = await createRecipientAuthTestApp(view, { database });
  });

  const sign = { signatureText: 'Alice', consent: true };

  it('signs with the session: the workflow gets the method used', async () => {
    const session = await openSession();
    const response = await post(`${ALICE}/sign`, sign, { 'x-signet-session': session });
    expect(response.statusCode).toBe(200);
    expect(t.temporal.updates[0]).toMatchObject({
      name: 'signEnvelope',
      input: { recipientId: 'r-alice', authMethod: 'EMAIL_OTP', signatureText: 'Alice' },
    });
  });

  it('refuses a tampered session, another recipient’s session, and an expired one', async () => {
    const session = await openSession();
    const tampered = `${session.slice(0, -2)}${session.endsWith('AA') ? 'AB' : 'AA'}`;
    for (const [token, header] of [
      [ALICE, tampered],
      [BOB, session],
      [ALICE, ''],
    ] as const) {
      const response = await post(`${token}/sign`, sign, header ? { 'x-signet-session': header } : {});
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: { code: 'AUTHENTICATION_REQUIRED' } });
    }
    t.clock.now += 3_600_000;
    const expired = await post(`${ALICE}/sign`, sign, { 'x-signet-session': session });
    expect(expired.json()).toMatchObject({ error: { code: 'AUTHENTICATION_REQUIRED' } });
    expect(t.temporal.updates).toHaveLength(0);
  });

  it('a session replayed after the recipient signed gets the workflow’s refusal', async () => {
    const session = await openSession();
    let signed = false;
    t.temporal.behaviour.update = async () => {
      if (!signed) {
        signed = true;
        return t.view;
      }
      const failure = ApplicationFailure.create({
        type: AppErrorCode.ALREADY_ACTED,
        message: 'acted',
        nonRetryable: true,
      });
      return Promise.reject(new WorkflowUpdateFailedError('rejected', failure));
    };
    expect((await post(`${ALICE}/sign`, sign, { 'x-signet-session': session })).statusCode).toBe(200);
    const replay = await post(`${ALICE}/sign`, sign, { 'x-signet-session': session });
    expect(replay.statusCode).toBe(409);
    expect(replay.json()).toMatchObject({ error: { code: 'ALREADY_ACTED' } });
  });

  it('a session is bound to the slot key: a replaced slot’s new link does not accept it', async () => {
    const session = await openSession();
    const otherKey = linkToken('env-123456', 'r-alice', 'key-replaced-456789ab');
    expect((await post(`${otherKey}/sign`, sign, { 'x-signet-session': session })).statusCode).toBe(401);
  });
});
