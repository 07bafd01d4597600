/// <reference lib="dom" />
// DOM types: callbacks passed to page.evaluate run in the browser.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { TEnvelopeView } from '@signet/shared';
import { SIGNING_MESSAGES } from '@signet/shared';
import { expectTextSoon, launchBrowser, openPage, screenshot, seriousAxeViolations } from '../support/browser';
import type { LocalOidc } from '../support/local-oidc';
import { planRecipientIdentityProviders } from '../support/local-oidc';
import { linkTokenOf } from '../support/mail-server';
import type { CapturedMail } from '../support/mail-server';
import { makePdf } from '../support/pdf-fixtures';
import { startStack } from '../support/stack';
import type { Stack } from '../support/stack';
import { REPO_ROOT } from '../support/temporal-tools';

// The signing page when the sender asked for more than the link: a mailed one-time code (read from MailDev)
// and a Microsoft sign-in (the local OpenID Connect issuer's login form, filled in Chromium), on the real stack.

const en = SIGNING_MESSAGES.en;
let stack: Stack;
let idp: LocalOidc;
let browser: Browser;

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'api/scripts/build-web.mjs')], { stdio: 'ignore' });
  const providers = await planRecipientIdentityProviders();
  stack = await startStack(providers.env);
  idp = await providers.start(stack.apiUrl);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await idp?.stop();
});

const to = (address: string) => (mail: CapturedMail) => mail.to.some((t) => t.address === address);

async function send(recipient: Record<string, unknown>): Promise<{ envelopeId: string; token: string }> {
  const form = new FormData();
  form.append(
    'envelope',
    JSON.stringify({
      subject: 'Board resolution',
      sender: { email: 'sam@example.com', name: 'Sam Sender' },
      recipients: [recipient, { email: `after.${String(recipient.email)}`, name: 'After Signer' }],
      expiresIn: '14d',
    }),
  );
  form.append('file', new Blob([new Uint8Array(await makePdf(1))], { type: 'application/pdf' }), 'resolution.pdf');
  const created = await stack.api('/api/v1/envelopes/upload', { method: 'POST', body: form });
  expect(created.status).toBe(201);
  const { envelopeId } = (await created.json()) as { envelopeId: string };
  const [invitation] = await stack.mail.waitFor(to(String(recipient.email)));
  return { envelopeId, token: linkTokenOf(invitation!) };
}

async function statusOf(envelopeId: string): Promise<TEnvelopeView> {
  return (await (await stack.api(`/api/v1/envelopes/${envelopeId}`)).json()) as TEnvelopeView;
}

describe('the signing page with recipient authentication (Chromium, real stack)', () => {
  it('EMAIL_OTP: asks for a code, says how many attempts are left, then opens and signs', async () => {
    const email = 'otto.otp@example.com';
    const { envelopeId, token } = await send({ email, name: 'Otto Otp', authentication: 'EMAIL_OTP' });
    const { context, page, record } = await openPage(browser);
    await page.goto(`${stack.apiUrl}/sign/${token}`);
    await page.waitForSelector('[data-state="auth"]');
    await expect(page.locator('h1').textContent()).resolves.toBe(en.authHeading);
    // The hint, not the address; the sender's name from the refusal's details.
    await expect(page.locator('[data-state="auth"]').textContent()).resolves.toContain('o•••@example.com');
    await screenshot(page, 'signing-page-otp', '1-auth');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const before = (await stack.mail.all()).filter(to(email)).length;
    await page.click(`button:has-text("${en.authSendCode}")`);
    const input = page.locator('input[autocomplete="one-time-code"]');
    await input.waitFor();
    expect(await input.getAttribute('inputmode')).toBe('numeric');
    const mails = await stack.mail.waitFor(to(email), before + 1);
    const code = /\b(\d{6})\b/.exec(mails.at(-1)!.text)![1]!;
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    await input.fill(wrong);
    await page.click(`button:has-text("${en.authVerify}")`);
    await expectTextSoon(page.locator('.form-error'), /Attempts left: \d/);
    await screenshot(page, 'signing-page-otp', '2-wrong-code');
    await input.fill(code);
    await page.click(`button:has-text("${en.authVerify}")`);
    await page.waitForSelector('[data-state="ready"]');
    // The session lives in sessionStorage: a reload does not ask again.
    await page.reload();
    await page.waitForSelector('[data-state="ready"]');
    await page.waitForSelector('.pdf-page[data-rendered] canvas');
    await screenshot(page, 'signing-page-otp', '3-ready');
    await page.click('button[data-action="sign"]');
    await page.click('button.toggle[data-kind="TYPED"]');
    await page.check('.consent input[type="checkbox"]');
    await page.click('form button[type="submit"]');
    await page.waitForSelector('[data-state="done"][data-kind="signed"]');
    const signed = (await statusOf(envelopeId)).audit.find((event) => event.type === 'SIGNED');
    expect(signed).toMatchObject({ authMethod: 'EMAIL_OTP', details: { signatureKind: 'TYPED' } });
    expect(record.cspViolations).toEqual([]);
    await context.close();
  });

  it('MICROSOFT: signs in at the identity provider and comes back with the session in the fragment only', async () => {
    const email = 'mika.microsoft@example.com';
    const { token } = await send({ email, name: 'Mika Microsoft', authentication: 'MICROSOFT' });
    const { context, page, record } = await openPage(browser);
    await page.goto(`${stack.apiUrl}/sign/${token}`);
    await page.waitForSelector('[data-state="auth"]');
    await screenshot(page, 'signing-page-microsoft', '1-auth');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Someone else's account: back on the page with a clear error, still asked to sign in.
    await page.click(`a:has-text("${en.authMicrosoft}")`);
    await page.fill('input[name="email"]', 'someone.else@example.com');
    await page.fill('input[name="name"]', 'Someone Else');
    await Promise.all([page.waitForURL(/\/sign\//), page.press('input[name="name"]', 'Enter')]);
    await page.waitForSelector('[data-state="auth"]');
    await expectTextSoon(page.locator('.form-error'), en.errorIDENTITY_MISMATCH);
    expect(new URL(page.url()).hash).toBe('');
    await screenshot(page, 'signing-page-microsoft', '2-mismatch');

    // Forget the issuer's own session, so its login form asks again.
    await context.clearCookies();
    await page.click(`a:has-text("${en.authMicrosoft}")`);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="name"]', 'Mika Microsoft');
    await Promise.all([page.waitForURL(/\/sign\//), page.press('input[name="name"]', 'Enter')]);
    await page.waitForSelector('[data-state="ready"]');
    // The session left the address bar (and the history entry) at once and sits in sessionStorage.
    expect(new URL(page.url()).hash).toBe('');
    const stored = await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('signet.session')));
    expect(stored).toHaveLength(1);
    await screenshot(page, 'signing-page-microsoft', '3-ready');
    expect(record.cspViolations).toEqual([]);
    await context.close();
  });
});
