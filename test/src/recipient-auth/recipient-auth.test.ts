import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TEnvelopeView } from '@signet/shared';
import { eventually } from '../support/eventually';
import type { LocalOidc } from '../support/local-oidc';
import type { CapturedMail } from '../support/mail-server';
import { linkTokenOf } from '../support/mail-server';
import { makePdf } from '../support/pdf-fixtures';
import type { Stack } from '../support/stack';
import { startStack } from '../support/stack';

// Recipient authentication on the real stack: the real Temporal dev server and worker, MailDev for the
// one-time codes, the API with its PGlite database, and the local OpenID Connect issuer standing in for
// Microsoft Entra ID and for a bank-ID broker (its login form filled in over HTTP). Nothing is mocked.

let stack: Stack;
let idp: LocalOidc;

beforeAll(async () => {
  stack = await startStack({}, { recipientIdentityProviders: true });
  idp = stack.recipientIdentityProviders!;
  await mkdir(path.join(stack.libraryRoot, 'contracts'), { recursive: true });
  await writeFile(path.join(stack.libraryRoot, 'contracts/deal.pdf'), await makePdf(1));
});

afterAll(async () => {
  await stack?.stop();
});

const to = (address: string) => (mail: CapturedMail) => mail.to.some((t) => t.address === address);
type ErrorBody = { error: { code: string; details?: Record<string, unknown> } };

/** Sends a one-recipient envelope and returns its id and the recipient's link token (from the invitation). */
async function send(recipient: Record<string, unknown>): Promise<{ envelopeId: string; token: string }> {
  const created = await stack.api('/api/v1/envelopes', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      subject: `Deal for ${String(recipient.email)}`,
      sender: { email: 'sam@example.com', name: 'Sam Sender' },
      documents: [{ libraryPath: 'contracts/deal.pdf' }],
      recipients: [recipient],
    }),
  });
  expect(created.status).toBe(201);
  const { envelopeId } = (await created.json()) as { envelopeId: string };
  const [invitation] = await stack.mail.waitFor(to(String(recipient.email)));
  return { envelopeId, token: linkTokenOf(invitation!) };
}

function recipientCall(token: string, suffix = '', init: RequestInit = {}, session?: string): Promise<Response> {
  return fetch(`${stack.apiUrl}/api/v1/recipient/${token}${suffix}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      ...(session ? { 'x-signet-session': session } : {}),
      ...(init.headers ?? {}),
    },
  });
}

async function requestCode(token: string, email: string): Promise<string> {
  const before = (await stack.mail.all()).filter(to(email)).length;
  const sent = await recipientCall(token, '/otp', { method: 'POST', body: '{}' });
  expect(sent.status).toBe(200);
  const mails = await stack.mail.waitFor(to(email), before + 1);
  const code = /\b(\d{6})\b/.exec(mails.at(-1)!.text)?.[1];
  expect(code).toBeDefined();
  return code!;
}

async function statusOf(envelopeId: string): Promise<TEnvelopeView> {
  return (await (await stack.api(`/api/v1/envelopes/${envelopeId}`)).json()) as TEnvelopeView;
}

/** Runs the provider's sign-in from the API's start route to its callback; returns the final page URL. */
async function signInThrough(token: string, login: { email: string; name: string; nationalId?: string }) {
  const callback = await idp.signIn(`${stack.apiUrl}/api/v1/recipient/${token}/oidc/start`, login);
  expect(callback.pathname).toBe('/api/v1/recipient-oidc/callback');
  const answer = await fetch(callback, { redirect: 'manual' });
  expect(answer.status).toBe(302);
  return { callback, page: new URL(answer.headers.get('location')!) };
}

const SIGN = { method: 'POST', body: JSON.stringify({ signatureText: 'Signed', consent: true }) };

describe('recipient authentication on the real stack', () => {
  it('EMAIL_OTP: the code from the mail opens a session; the audit trail records EMAIL_OTP', async () => {
    const { envelopeId, token } = await send({ email: 'olga@example.com', authentication: 'EMAIL_OTP', locale: 'sv' });
    const refused = await recipientCall(token);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as ErrorBody).error).toMatchObject({
      code: 'AUTHENTICATION_REQUIRED',
      details: { method: 'EMAIL_OTP', emailHint: 'o•••@example.com', locale: 'sv' },
    });
    const code = await requestCode(token, 'olga@example.com');
    const codeMail = (await stack.mail.all()).filter(to('olga@example.com')).at(-1)!;
    expect(codeMail.subject).toContain('Din kod');

    const verified = await recipientCall(token, '/otp/verify', { method: 'POST', body: JSON.stringify({ code }) });
    expect(verified.status).toBe(200);
    const { session } = (await verified.json()) as { session: string };
    expect((await recipientCall(token, '', {}, session)).status).toBe(200);
    expect((await recipientCall(token, '/sign', SIGN)).status).toBe(401);
    expect((await recipientCall(token, '/sign', SIGN, session)).status).toBe(200);

    const signed = (await statusOf(envelopeId)).audit.find((event) => event.type === 'SIGNED');
    expect(signed).toMatchObject({ authMethod: 'EMAIL_OTP' });
    // Replaying the session after signing: the workflow refuses.
    const replay = await recipientCall(token, '/sign', SIGN, session);
    expect(((await replay.json()) as ErrorBody).error.code).toMatch(/ALREADY_ACTED|ENVELOPE_COMPLETED/);
  });

  it('EMAIL_OTP brute force: five wrong codes lock the link, even for the right code', async () => {
    const { token } = await send({ email: 'brute@example.com', authentication: 'EMAIL_OTP' });
    const code = await requestCode(token, 'brute@example.com');
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const answers = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const response = await recipientCall(token, '/otp/verify', {
          method: 'POST',
          body: JSON.stringify({ code: wrong }),
        });
        return ((await response.json()) as ErrorBody).error.code;
      }),
    );
    expect(answers.filter((answer) => answer === 'OTP_INVALID')).toHaveLength(4);
    expect(answers.filter((answer) => answer === 'OTP_LOCKED')).toHaveLength(4);
    const right = await recipientCall(token, '/otp/verify', { method: 'POST', body: JSON.stringify({ code }) });
    expect(right.status).toBe(423);
  });

  it('MICROSOFT: the invited address signs in through the issuer; another account is IDENTITY_MISMATCH', async () => {
    const { envelopeId, token } = await send({ email: 'mia@example.com', authentication: 'MICROSOFT' });
    const mismatch = await signInThrough(token, { email: 'mallory@example.com', name: 'Mallory' });
    expect(mismatch.page.hash).toBe('#auth_error=IDENTITY_MISMATCH');

    const { callback, page } = await signInThrough(token, { email: 'MIA@example.com', name: 'Mia Microsoft' });
    expect(page.pathname).toBe(`/sign/${token}`);
    const session = /^#session=(.+)$/.exec(page.hash)?.[1];
    expect(session).toBeDefined();
    // The callback is single use: replaying it finds no sign-in.
    const replayed = await fetch(callback, { redirect: 'manual' });
    expect(replayed.status).toBe(400);
    expect(((await replayed.json()) as ErrorBody).error.code).toBe('AUTHENTICATION_FAILED');

    const view = await recipientCall(token, '', {}, decodeURIComponent(session!));
    expect(view.status).toBe(200);
    expect(await view.json()).toMatchObject({ authentication: { required: 'MICROSOFT', method: 'MICROSOFT' } });
    expect((await recipientCall(token, '/sign', SIGN, decodeURIComponent(session!))).status).toBe(200);
    expect((await statusOf(envelopeId)).audit.find((event) => event.type === 'SIGNED')).toMatchObject({
      authMethod: 'MICROSOFT',
    });
  });

  it('STRONG with recordNationalId: the sealed signature page shows the masked number, never the full one', async () => {
    const { envelopeId, token } = await send({
      email: 'sven@example.com',
      authentication: 'STRONG',
      recordNationalId: true,
    });
    const { page } = await signInThrough(token, {
      email: 'x@bank.test',
      name: 'Sven Strong',
      nationalId: '010190-123A',
    });
    const session = decodeURIComponent(/^#session=(.+)$/.exec(page.hash)![1]!);
    const view = await recipientCall(token, '', {}, session);
    expect(await view.json()).toMatchObject({
      authentication: { required: 'STRONG', method: 'STRONG', providerName: 'Local bank ID' },
    });
    expect((await recipientCall(token, '/sign', SIGN, session)).status).toBe(200);

    let final: TEnvelopeView | undefined;
    await eventually(async () => {
      final = await statusOf(envelopeId);
      expect(final.status).toBe('COMPLETED');
    }, 120_000);
    expect(final!.audit.find((event) => event.type === 'SIGNED')).toMatchObject({
      authMethod: 'STRONG',
      details: { nationalIdMasked: '010190-****' },
    });
    const signedPath = path.join(stack.libraryRoot, final!.documents[0]!.signedCopyRef!.path);
    const { stdout } = await promisify(execFile)('pdftotext', [signedPath, '-']);
    expect(stdout).toContain('010190-****');
    expect(stdout).toContain('Sven Strong');
    expect(stdout).not.toContain('010190-123A');
    expect(JSON.stringify(final)).not.toContain('010190-123A');
  });
});
