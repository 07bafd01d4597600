/// <reference lib="dom" />
// DOM types: callbacks passed to page.evaluate run in the browser.
import { SIGNING_MESSAGES } from '@signet/shared';
import { openPage, screenshot } from '../support/browser';
import { eventually } from '../support/eventually';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { expectAccessible, expectFocusOnHeading, useSigningPageSuite } from '../support/signing-page';

// The signing page's other states in a real Chromium against the real stack: links that can no longer be used,
// a phone in Finnish, and markup in what the sender wrote. (signing-page.test.ts covers the actions.)

const en = SIGNING_MESSAGES.en;
const suite = useSigningPageSuite();
const { send, statusOf, openSignPage, expectClean } = suite;

describe('the signing page: ended links, phones, languages, hostile text (Chromium, real stack)', () => {
  it('shows a clear page for a cancelled, an expired and a forged link', async () => {
    const { context, page, record } = await openPage(suite.browser);
    const cancelled = await send([{ email: 'carl.cancel@example.com', name: 'Carl Cancel' }]);
    const cancel = await suite.stack.api(`/api/v1/envelopes/${cancelled.envelopeId}/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'Wrong version' }),
    });
    expect(cancel.status).toBe(200);
    await openSignPage(page, cancelled.token, 'ended');
    await expectFocusOnHeading(page);
    await expect(page.locator('.notice').textContent()).resolves.toBe(en.endedCANCELLED);
    await screenshot(page, 'signing-page-ended', '1-cancelled');
    await expectAccessible(page);

    const expiring = await send([{ email: 'eve.expired@example.com', name: 'Eve Expired' }], {
      extra: { expiresIn: undefined, expiresAt: new Date(Date.now() + 4_000).toISOString() },
    });
    await eventually(async () => expect((await statusOf(expiring.envelopeId)).status).toBe('EXPIRED'), 30_000);
    await openSignPage(page, expiring.token, 'ended');
    await expect(page.locator('.notice').textContent()).resolves.toBe(en.endedEXPIRED);
    await screenshot(page, 'signing-page-ended', '2-expired');

    await openSignPage(page, 'v1.e30.AAAA', 'ended');
    await expect(page.locator('h1').textContent()).resolves.toBe(en.invalidHeading);
    await expect(page.locator('.notice').textContent()).resolves.toBe(en.endedINVALID_TOKEN);
    await screenshot(page, 'signing-page-ended', '3-invalid');
    await expectAccessible(page);
    expectClean(record);
    await context.close();
  });

  it('works on a 375×667 phone in Finnish (Accept-Language), and the language can be switched', async () => {
    const { token } = await send([
      { email: 'fia.phone@example.com', name: 'Fia Phone' },
      { email: 'fia.next@example.com', name: 'Fia Next' },
    ]);
    const { context, page, record } = await openPage(suite.browser, {
      viewport: { width: 375, height: 667 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'fi-FI',
      extraHTTPHeaders: { 'Accept-Language': 'fi-FI,fi;q=0.9,en;q=0.5' },
    });
    await openSignPage(page, token, 'ready');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fi');
    await expect(page.locator('#actions-heading').textContent()).resolves.toBe(SIGNING_MESSAGES.fi.actions);
    await page.waitForSelector('.pdf-page[data-rendered] canvas');
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'signing-page-phone-fi', '1-ready');
    await expectAccessible(page);
    await page.tap('button[data-action="sign"]');
    await page.waitForSelector('form[aria-labelledby="sign-heading"]');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // Touch targets: every button at least 44 px high.
    const heights = await page.$$eval('form button', (buttons) => buttons.map((b) => b.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
    await screenshot(page, 'signing-page-phone-fi', '2-sign-panel');
    // The narrowest phones (320 CSS px, also 640 px at 200 % zoom) still need no sideways scrolling.
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await screenshot(page, 'signing-page-phone-fi', '2b-320px');
    await expectAccessible(page);
    await page.selectOption('select.language', 'sv');
    await expect(page.locator('#actions-heading').textContent()).resolves.toBe(SIGNING_MESSAGES.sv.actions);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
    await screenshot(page, 'signing-page-phone-fi', '3-svenska');
    expectClean(record);
    await context.close();
  });

  it('shows markup in the subject, message, names and file name as text: no script runs, nothing is injected', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { token } = await send([{ email: 'xavier.xss@example.com', name: `Xavier ${hostile}` }], {
      subject: `Offer ${hostile}`,
      message: `Hello ${hostile}<script>alert(2)</script>`,
      fileName: `${hostile}.pdf`,
      extra: { sender: { email: 'sam@example.com', name: `Sam ${hostile}` } },
    });
    const { context, page, record } = await openPage(suite.browser);
    await openSignPage(page, token, 'ready');
    await expect(page.locator('h1').textContent()).resolves.toBe(`Offer ${hostile}`);
    await expect(page.locator('.from').textContent()).resolves.toContain(`Sam ${hostile}`);
    await expect(page.locator('.message blockquote').textContent()).resolves.toContain('<script>alert(2)</script>');
    // The upload replaced the angle brackets in the file name; the rest still shows as typed.
    await expect(page.locator('.document h3').textContent()).resolves.toContain('img src=x onerror=alert(1)');
    await page.click('button[data-action="sign"]');
    await page.click('button.toggle[data-kind="TYPED"]');
    await expect(page.locator('.kind-panel:not([hidden]) input[type="text"]').inputValue()).resolves.toBe(
      `Xavier ${hostile}`,
    );
    await screenshot(page, 'signing-page-hostile-text', '1-ready');
    // No element came from the text: the only images are none, the only scripts the page's own module.
    expect(await page.$$eval('img', (images) => images.length)).toBe(0);
    expect(await page.$$eval('script', (scripts) => scripts.map((s) => s.getAttribute('src')))).toEqual([
      `/assets/${suite.manifest.sign.js}`,
    ]);
    expect(record.requests.filter((url) => /\/x$/.test(url))).toEqual([]);
    expectClean(record);
    await context.close();
  });

  it('in a Teams dialog (?host=teams, framed) loads teams-js, and still works when the parent never answers', async () => {
    const { token } = await send([
      { email: 'tea.teams@example.com', name: 'Tea Teams' },
      { email: 'tea.next@example.com', name: 'Tea Next' },
    ]);
    const { context, page, record } = await openPage(suite.browser);
    // A stand-in host page on the API's origin (frame-ancestors allows 'self' and Teams only).
    await page.route(`${suite.stack.apiUrl}/teams-host`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><title>Teams</title><iframe title="Signet" width="800" height="900" src="/sign/${token}?host=teams"></iframe></html>`,
      }),
    );
    await page.goto(`${suite.stack.apiUrl}/teams-host`);
    await page.frameLocator('iframe').locator('[data-state="ready"]').waitFor({ timeout: 30_000 });
    expect(record.requests.some((url) => url.includes(suite.manifest.chunks['@microsoft/teams-js']!))).toBe(true);
    await screenshot(page, 'signing-page-teams', '1-framed');
    expect(record.cspViolations).toEqual([]);
    await context.close();
  });

  it('loads a large PDF in ranges: the first page shows before the whole file has arrived', async () => {
    // ~1 MB without object streams (300 pages of 60 lines), so pdf.js can read page 1 from a few ranges.
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let i = 1; i <= 300; i += 1) {
      const pdfPage = doc.addPage([595, 842]);
      for (let line = 0; line < 60; line += 1) {
        pdfPage.drawText(`Page ${i}, clause ${line}: the parties agree to the terms.`, {
          x: 50,
          y: 810 - line * 13,
          size: 9,
          font,
        });
      }
    }
    const pdf = Buffer.from(await doc.save({ useObjectStreams: false }));
    const { token } = await send(
      [
        { email: 'lars.large@example.com', name: 'Lars Large' },
        { email: 'lars.next@example.com', name: 'Lars Next' },
      ],
      { pdf, fileName: 'long-contract.pdf' },
    );
    const { context, page, record } = await openPage(suite.browser);
    const ranges: string[] = [];
    let received = 0;
    page.on('response', (response) => {
      if (!response.url().includes('/documents/0')) return;
      const range = response.request().headers()['range'];
      if (range) ranges.push(range);
      void response.body().then(
        (body) => (received += body.length),
        () => undefined,
      );
    });
    await openSignPage(page, token, 'ready');
    await page.waitForSelector('.pdf-page[data-rendered] canvas');
    await expect(page.locator('.pdf-status').textContent()).resolves.toBe('300 pages');
    expect(ranges.length).toBeGreaterThan(0);
    expect(received).toBeLessThan(pdf.length);
    await screenshot(page, 'signing-page-large-pdf', '1-first-page');
    expectClean(record);
    await context.close();
  });
});
