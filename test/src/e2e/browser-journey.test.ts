import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { TEnvelopeView } from '@signet/shared';
import { SIGNING_MESSAGES } from '@signet/shared';
import { openPage, screenshot } from '../support/browser';
import { eventually } from '../support/eventually';
import type { CapturedMail } from '../support/mail-server';
import { linkTokenOf } from '../support/mail-server';
import { makePdf } from '../support/pdf-fixtures';
import type { SenderUiStack } from '../support/sender-ui';
import { signInAs, startSenderUiStack } from '../support/sender-ui';
import { drawSignature } from '../support/signing-page';

// The whole journey in real browsers on the real stack (Temporal dev server, worker sealing at B-LT with the
// local PKI, MailDev, PGlite, the local OpenID Connect issuer, Chromium): a sender sends from the web UI; the
// first recipient reads the invitation from the SMTP server, passes the mailed one-time code, draws a
// signature and signs; the second recipient types theirs; the signed copy appears in the library and in the UI.
// Screenshots of every page go to test/artifacts/screenshots/journey/.

const SAM = { email: 'sam@example.com', name: 'Sam Sender' };
const ALICE = { email: 'alice.journey@example.com', name: 'Alice Journey' };
const BOB = { email: 'bob.journey@example.com', name: 'Bob Journey' };
const SUBJECT = 'Lease agreement 2027';
const SHOTS = 'journey';
const en = SIGNING_MESSAGES.en;

let ui: SenderUiStack;
let sam: { context: BrowserContext; page: Page };

const to = (address: string) => (mail: CapturedMail) => mail.to.some((t) => t.address === address);

async function statusOf(envelopeId: string): Promise<TEnvelopeView> {
  return (await (await ui.stack.api(`/api/v1/envelopes/${envelopeId}`)).json()) as TEnvelopeView;
}

/** Opens a recipient's invitation link in a fresh browser context, as clicking the mail would. */
async function openInvitation(address: string): Promise<{ context: BrowserContext; page: Page; token: string }> {
  const [invitation] = await ui.stack.mail.waitFor(to(address));
  expect(invitation!.subject).toContain(SUBJECT);
  const token = linkTokenOf(invitation!);
  const { context, page } = await openPage(ui.browser, { locale: 'en-GB' });
  await page.goto(`${ui.stack.apiUrl}/sign/${token}`);
  return { context, page, token };
}

beforeAll(async () => {
  ui = await startSenderUiStack([SAM]);
  await mkdir(path.join(ui.stack.libraryRoot, 'contracts'), { recursive: true });
  await writeFile(path.join(ui.stack.libraryRoot, 'contracts/lease.pdf'), await makePdf(2, 'Lease'));
  sam = await signInAs(ui.browser, ui.stack, SAM);
});

afterAll(async () => {
  await sam?.context.close();
  await ui?.stop();
});

test('send from the web UI → one-time code → drawn signature → next signer → signed copy in the library', async () => {
  // The sender: library → dialog → two signers in order, a mailed code for the first.
  const ui1 = sam.page;
  await ui1.locator('#library-table').waitFor();
  await screenshot(ui1, SHOTS, '01-sender-library');
  await ui1.getByLabel('Select lease.pdf').check();
  await ui1.locator('#send-for-signature').click();
  await ui1.locator('dialog[open] #send-form').waitFor();
  await ui1.locator('#recipient-0-name').fill(ALICE.name);
  await ui1.locator('#recipient-0-email').fill(ALICE.email);
  await ui1.locator('#recipient-0-authentication').selectOption('EMAIL_OTP');
  await ui1.locator('#add-recipient').click();
  await ui1.locator('#recipient-1-name').fill(BOB.name);
  await ui1.locator('#recipient-1-email').fill(BOB.email);
  await ui1.locator('#send-subject').fill(SUBJECT);
  await screenshot(ui1, SHOTS, '02-sender-send-dialog');
  await ui1.locator('#send-submit').click();
  await ui1.waitForURL(/\/app\/envelopes\/[A-Za-z0-9_-]+$/);
  const envelopeId = ui1.url().split('/').pop() ?? '';
  await ui1.locator('#envelope-subject').waitFor();
  await screenshot(ui1, SHOTS, '03-sender-envelope-sent');

  // Alice: the link alone is not enough; the code comes by mail to her address only.
  const alice = await openInvitation(ALICE.email);
  await alice.page.waitForSelector('[data-state="auth"]');
  await screenshot(alice.page, SHOTS, '04-alice-asks-for-code');
  await alice.page.click(`button:has-text("${en.authSendCode}")`);
  const codeMail = (await ui.stack.mail.waitFor(to(ALICE.email), 2)).at(-1)!;
  const code = /\b(\d{6})\b/.exec(codeMail.text)?.[1];
  expect(code).toMatch(/^\d{6}$/);
  await alice.page.fill('input[autocomplete="one-time-code"]', code!);
  await screenshot(alice.page, SHOTS, '05-alice-enters-code');
  await alice.page.click(`button:has-text("${en.authVerify}")`);
  await alice.page.waitForSelector('[data-state="ready"]');
  await alice.page.waitForSelector('.pdf-page[data-rendered] canvas');
  await screenshot(alice.page, SHOTS, '06-alice-reads-document');
  await alice.page.click('button[data-action="sign"]');
  await alice.page.click('button.toggle[data-kind="DRAWN"]');
  await drawSignature(alice.page);
  await alice.page.check('.consent input[type="checkbox"]');
  await screenshot(alice.page, SHOTS, '07-alice-draws');
  await alice.page.click('form button[type="submit"]');
  await alice.page.waitForSelector('[data-state="done"][data-kind="signed"]');
  await screenshot(alice.page, SHOTS, '08-alice-done');
  await alice.context.close();

  const afterAlice = await statusOf(envelopeId);
  expect(afterAlice.audit.find((event) => event.type === 'SIGNED')).toMatchObject({
    authMethod: 'EMAIL_OTP',
    details: { signatureKind: 'DRAWN' },
  });

  // Bob is invited only now; he types his signature.
  const bob = await openInvitation(BOB.email);
  await bob.page.waitForSelector('[data-state="ready"]');
  await bob.page.click('button[data-action="sign"]');
  await bob.page.click('button.toggle[data-kind="TYPED"]');
  // The typed name is prefilled with the invited name.
  expect(await bob.page.locator('.kind-panel:not([hidden]) input[type="text"]').inputValue()).toBe(BOB.name);
  await bob.page.check('.consent input[type="checkbox"]');
  await screenshot(bob.page, SHOTS, '09-bob-types');
  await bob.page.click('form button[type="submit"]');
  await bob.page.waitForSelector('[data-state="done"][data-kind="signed"]');
  await bob.context.close();

  // Sealed and stored beside the original; the sender's completed mail links to the envelope page.
  await eventually(async () => expect((await statusOf(envelopeId)).status).toBe('COMPLETED'), 90_000);
  await access(path.join(ui.stack.libraryRoot, 'contracts/lease.signed.pdf'));
  const [completed] = await ui.stack.mail.waitFor(
    (mail) => to(SAM.email)(mail) && mail.subject.includes(SUBJECT) && /complete/i.test(mail.subject),
  );
  expect(completed!.text).toContain(`/app/envelopes/${envelopeId}`);
  await ui1.goto(`${ui.stack.apiUrl}/app`);
  const row = ui1.locator('#library-table tbody tr', { hasText: 'lease.pdf' }).first();
  await row.waitFor();
  await eventually(async () => {
    await ui1.reload();
    expect(await row.textContent()).toContain('Signed copy of lease.pdf');
  }, 30_000);
  await screenshot(ui1, SHOTS, '10-sender-library-signed-copy');
  const signed = await ui1.request.get(`${ui.stack.apiUrl}/api/v1/envelopes/${envelopeId}/documents/0/signed`);
  expect(signed.status()).toBe(200);
  expect((await signed.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});
