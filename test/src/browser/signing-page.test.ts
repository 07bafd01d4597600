/// <reference lib="dom" />
// DOM types: callbacks passed to page.evaluate run in the browser.
import { SIGNING_MESSAGES } from '@signet/shared';
import { expectTextSoon, openPage, screenshot } from '../support/browser';
import { linkTokenOf } from '../support/mail-server';
import type { CapturedMail } from '../support/mail-server';
import {
  drawSignature,
  expectAccessible,
  expectFocusOnHeading,
  useSigningPageSuite,
  tabTo,
} from '../support/signing-page';

// The signing page in a real Chromium against the real stack (Temporal dev server, worker, MailDev, API with
// its database): links come from the invitation mails, results are read back from the workflow's status.

const en = SIGNING_MESSAGES.en;
const suite = useSigningPageSuite();
const { send, statusOf, openSignPage, expectClean } = suite;
const to = (address: string) => (mail: CapturedMail) => mail.to.some((t) => t.address === address);

describe('the signing page (Chromium, real stack)', () => {
  it('shows who asks what with the PDF, and signs with a drawn signature (recorded as DRAWN)', async () => {
    const { envelopeId, token } = await send([
      { email: 'dora.draw@example.com', name: 'Dora Draw' },
      { email: 'next.signer@example.com', name: 'Next Signer' },
    ]);
    const { context, page, record } = await openPage(suite.browser, { viewport: { width: 1280, height: 900 } });
    const response = await page.goto(`${suite.stack.apiUrl}/sign/${token}`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(response?.headers()['referrer-policy']).toBe('no-referrer');
    await page.waitForSelector('[data-state="ready"]');
    await expectFocusOnHeading(page);
    await expect(page.locator('h1').textContent()).resolves.toBe('Consulting agreement');
    await expect(page.locator('.from').textContent()).resolves.toContain('Sam Sender');
    await expect(page.locator('.message blockquote').textContent()).resolves.toBe('Please sign by Friday.');
    // pdf.js renders the first page into a labelled canvas, lazily; the page count is shown.
    await page.waitForSelector('.pdf-page[data-rendered] canvas');
    await expect(page.locator('.pdf-status').textContent()).resolves.toBe('3 pages');
    await expect(page.locator('.pdf-page').first().getAttribute('aria-label')).resolves.toBe(
      'agreement.pdf, page 1 of 3',
    );
    await screenshot(page, 'signing-page-draw', '1-ready');
    await expectAccessible(page);

    await page.click('button[data-action="sign"]');
    await page.waitForSelector('form[aria-labelledby="sign-heading"]');
    await expectFocusOnHeading(page);
    await screenshot(page, 'signing-page-draw', '2-sign-panel');
    await expectAccessible(page);

    // Consent is required before anything is sent.
    await drawSignature(page);
    await page.click('form button[type="submit"]');
    await expectTextSoon(page.locator('.form-error'), en.needConsent);
    await page.check('.consent input[type="checkbox"]');
    await screenshot(page, 'signing-page-draw', '3-drawn');
    await page.click('form button[type="submit"]');
    await page.waitForSelector('[data-state="done"][data-kind="signed"]');
    await expectFocusOnHeading(page);
    await expect(page.locator('h1').textContent()).resolves.toBe(en.doneSignedHeading);
    await screenshot(page, 'signing-page-draw', '4-done');
    await expectAccessible(page);

    const status = await statusOf(envelopeId);
    expect(status.recipients[0]!.status).toBe('SIGNED');
    const signed = status.audit.find((event) => event.type === 'SIGNED');
    expect(signed?.details).toMatchObject({ signatureKind: 'DRAWN' });

    // The same link again: a clear "already signed" page.
    await openSignPage(page, token, 'ended');
    await expect(page.locator('.notice').textContent()).resolves.toBe(en.endedSIGNED);
    await screenshot(page, 'signing-page-draw', '5-already-signed');
    await expectAccessible(page);
    expectClean(record);
    await context.close();
  });

  it('signs with a typed signature using the keyboard alone (Tab, Space, Enter)', async () => {
    const { envelopeId, token } = await send([
      { email: 'kim.keys@example.com', name: 'Kim Keys' },
      { email: 'other.keys@example.com', name: 'Other Keys' },
    ]);
    const { context, page, record } = await openPage(suite.browser);
    await openSignPage(page, token, 'ready');
    await tabTo(page, 'button[data-action="sign"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('form[aria-labelledby="sign-heading"]');
    await tabTo(page, 'button.toggle[data-kind="TYPED"]');
    await page.keyboard.press('Space');
    // The typed name is prefilled with the recipient's name and drawn in a script-like font.
    await expect(page.locator('.kind-panel:not([hidden]) input[type="text"]').inputValue()).resolves.toBe('Kim Keys');
    await tabTo(page, '.consent input[type="checkbox"]');
    await page.keyboard.press('Space');
    await screenshot(page, 'signing-page-keyboard', '1-typed');
    await tabTo(page, 'form button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-state="done"][data-kind="signed"]');
    const signed = (await statusOf(envelopeId)).audit.find((event) => event.type === 'SIGNED');
    expect(signed?.details).toMatchObject({ signatureKind: 'TYPED' });
    await screenshot(page, 'signing-page-keyboard', '2-done');
    expectClean(record);
    await context.close();
  });

  it('declines with a reason, after which the link shows a clear page', async () => {
    const { envelopeId, token } = await send([{ email: 'dana.decline@example.com', name: 'Dana Decline' }]);
    const { context, page, record } = await openPage(suite.browser);
    await openSignPage(page, token, 'ready');
    await page.click('button[data-action="decline"]');
    await page.waitForSelector('form[aria-labelledby="decline-heading"]');
    // No reason: said so, nothing sent.
    await page.click('form button[type="submit"]');
    await expectTextSoon(page.locator('.form-error'), en.errorREASON_REQUIRED);
    await page.fill('form textarea', 'The fee is wrong.');
    await screenshot(page, 'signing-page-decline', '1-reason');
    await expectAccessible(page);
    await page.click('form button[type="submit"]');
    await page.waitForSelector('[data-state="done"][data-kind="declined"]');
    await screenshot(page, 'signing-page-decline', '2-done');
    const status = await statusOf(envelopeId);
    expect(status.status).toBe('DECLINED');
    expect(status.recipients[0]!.status).toBe('DECLINED');
    await openSignPage(page, token, 'ended');
    await expect(page.locator('.notice').textContent()).resolves.toBe(en.endedDECLINED_BY_YOU);
    await screenshot(page, 'signing-page-decline', '3-ended');
    await expectAccessible(page);
    expectClean(record);
    await context.close();
  });

  it('delegates to someone else, who gets their own link', async () => {
    const { envelopeId, token } = await send([{ email: 'del.egator@example.com', name: 'Del Egator' }]);
    const { context, page, record } = await openPage(suite.browser);
    await openSignPage(page, token, 'ready');
    await page.click('button[data-action="delegate"]');
    await page.waitForSelector('form[aria-labelledby="delegate-heading"]');
    await page.getByLabel(en.delegateName).fill('Pat Proxy');
    await page.getByLabel(en.delegateEmail).fill('pat.proxy@example.com');
    await page.getByLabel(en.delegateReason).fill('On holiday');
    await screenshot(page, 'signing-page-delegate', '1-form');
    await expectAccessible(page);
    await page.click('form button[type="submit"]');
    await page.waitForSelector('[data-state="done"][data-kind="delegated"]');
    await expect(page.locator('.notice').textContent()).resolves.toContain('Pat Proxy');
    await screenshot(page, 'signing-page-delegate', '2-done');
    const status = await statusOf(envelopeId);
    expect(status.recipients.map((r) => [r.email, r.status])).toEqual(
      expect.arrayContaining([
        ['del.egator@example.com', 'DELEGATED'],
        ['pat.proxy@example.com', 'PENDING'],
      ]),
    );
    const [invite] = await suite.stack.mail.waitFor(to('pat.proxy@example.com'));
    await openSignPage(page, linkTokenOf(invite!), 'ready');
    await expect(page.locator('h1').textContent()).resolves.toBe('Consulting agreement');
    expectClean(record);
    await context.close();
  });

  it('signs with an uploaded image on behalf of an organisation (recorded as UPLOADED)', async () => {
    const { envelopeId, token } = await send([
      { email: 'uma.upload@example.com', name: 'Uma Upload' },
      { email: 'uma.next@example.com', name: 'Uma Next' },
    ]);
    const { context, page, record } = await openPage(suite.browser);
    await openSignPage(page, token, 'ready');
    // A real PNG of handwriting-like text: a screenshot of the page's own heading, 2× for a large image.
    const image = await page.locator('h1').screenshot({ scale: 'device' });
    await page.click('button[data-action="sign"]');
    await page.click('button.toggle[data-kind="UPLOADED"]');
    await page.setInputFiles('input[type="file"]', { name: 'signature.png', mimeType: 'image/png', buffer: image });
    await page.check('input[type="radio"][value="org"]');
    await page.getByLabel(en.organisationName, { exact: true }).fill('Acme <b>Oy</b>');
    await page.check('.consent input[type="checkbox"]');
    await screenshot(page, 'signing-page-upload', '1-uploaded');
    await expectAccessible(page);
    await page.click('form button[type="submit"]');
    await page.waitForSelector('[data-state="done"][data-kind="signed"]');
    const signed = (await statusOf(envelopeId)).audit.find((event) => event.type === 'SIGNED');
    expect(signed?.details).toMatchObject({ signatureKind: 'UPLOADED', onBehalfOf: 'Acme <b>Oy</b>' });
    expectClean(record);
    await context.close();
  });
});
