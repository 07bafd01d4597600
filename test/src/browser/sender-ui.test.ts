import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { eventually } from '../support/eventually';
import { makePdf } from '../support/pdf-fixtures';
import type { SenderUiStack } from '../support/sender-ui';
import { screenshot, seriousViolations, signInAs, startSenderUiStack } from '../support/sender-ui';

// The sender web UI end to end: a real Chromium signs in through the local OpenID Connect issuer's form,
// sends a library document from the dialog, works the envelope page, and the real stack (Temporal dev
// server, worker, MailDev, PGlite) does the rest. Nothing is mocked.

const SAM = { email: 'sam@example.com', name: 'Sam Sender' };
const OLIVIA = { email: 'olivia@example.com', name: 'Olivia Other' };
const ADA = { email: 'ada@example.com', name: 'Ada Admin', roles: ['Signet.Admin'] };
const HOSTILE_NAME = '<img src=x onerror=alert(1)>.pdf';
const SUBJECT = '<script>alert(1)</script> Offer & terms';

let ui: SenderUiStack;
let sam: { context: BrowserContext; page: Page };
let envelopeId = '';

async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).textContent()) ?? '';
}

beforeAll(async () => {
  ui = await startSenderUiStack([SAM, OLIVIA, ADA]);
  await mkdir(path.join(ui.stack.libraryRoot, 'contracts'), { recursive: true });
  await writeFile(path.join(ui.stack.libraryRoot, 'contracts/nda.pdf'), await makePdf(1, 'NDA'));
  await writeFile(path.join(ui.stack.libraryRoot, `contracts/${HOSTILE_NAME}`), await makePdf(1, 'Hostile'));
  sam = await signInAs(ui.browser, ui.stack, SAM);
});

afterAll(async () => {
  await sam?.context.close();
  await ui?.stop();
});

describe('sender web UI', () => {
  it('signs in through the issuer into a server-side session: HttpOnly Secure __Host- cookie, strict headers', async () => {
    const cookies = await sam.context.cookies();
    const session = cookies.find((cookie) => cookie.name === '__Host-signet-session');
    expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
    expect(await text(sam.page, '#signed-in-as')).toContain(SAM.name);
    const shell = await sam.page.request.get(`${ui.stack.apiUrl}/app`);
    expect(shell.status()).toBe(200);
    expect(shell.headers()['content-security-policy']).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    expect(shell.headers()).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
      'cache-control': 'no-store',
    });
    const anonymous = await fetch(`${ui.stack.apiUrl}/app/envelopes`, { redirect: 'manual' });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toBe('/app/login?returnTo=%2Fapp%2Fenvelopes');
  });

  it('lists the library with status columns and shows HTML in a document name as text', async () => {
    const page = sam.page;
    await page.locator('#library-table').waitFor();
    const rows = page.locator('#library-table tbody tr');
    await eventually(async () => expect(await rows.count()).toBe(2));
    expect(await page.locator('#library-table th[scope=row]', { hasText: HOSTILE_NAME }).count()).toBe(1);
    expect(await page.locator('#library-table img').count()).toBe(0);
    expect(await text(page, '#library-table thead')).toMatch(/Status.*Progress.*Deadline.*Next reminder.*Signed copy/);
    await screenshot(page, '01-library');
  });

  it("fills the send dialog from one of the sender's templates, and Esc closes it", async () => {
    const page = sam.page;
    const session = (await (await page.request.get(`${ui.stack.apiUrl}/app/session`)).json()) as { csrfToken: string };
    const created = await page.request.post(`${ui.stack.apiUrl}/api/v1/templates`, {
      headers: { origin: ui.stack.apiUrl, 'x-csrf-token': session.csrfToken },
      data: {
        name: 'Customer NDA',
        settings: {
          recipients: [{ label: 'Customer', authentication: 'EMAIL_OTP' }],
          subject: 'NDA from template',
          reminders: { firstAfter: '5d', every: '4d', max: 2 },
        },
      },
    });
    expect(created.status()).toBe(201);
    await page.getByLabel('Select nda.pdf').check();
    await page.locator('#send-for-signature').click();
    await page.locator('dialog[open] #send-form').waitFor();
    await eventually(async () => expect(await page.locator('#send-template option').count()).toBe(2));
    await page.locator('#send-template').selectOption({ label: 'Customer NDA' });
    expect(await page.locator('#send-subject').inputValue()).toBe('NDA from template');
    expect(await page.locator('#recipient-0-name').inputValue()).toBe('Customer');
    expect(await page.locator('#recipient-0-authentication').inputValue()).toBe('EMAIL_OTP');
    expect(await page.locator('#send-first-after').inputValue()).toBe('5');
    await screenshot(page, '02a-send-dialog-template');
    await page.keyboard.press('Escape');
    await page.locator('dialog').waitFor({ state: 'detached' });
    expect(
      await page.evaluate(
        () => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id,
      ),
    ).toBe('send-for-signature');
  });

  it('checks the send dialog on the client first, then sends to two sequential signers (EMAIL_OTP on the second)', async () => {
    const page = sam.page;
    await page.getByLabel('Select nda.pdf').check();
    await page.locator('#send-for-signature').click();
    await page.locator('dialog[open] #send-form').waitFor();
    await screenshot(page, '02-send-dialog');
    await page.locator('#send-submit').click();
    expect(await page.locator('#send-errors').isVisible()).toBe(true);
    expect(await page.locator('#recipient-0-email').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#send-subject').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, '03-send-dialog-errors');

    await page.locator('#recipient-0-name').fill('Alice Signer');
    await page.locator('#recipient-0-email').fill('alice@example.com');
    await page.locator('#add-recipient').click();
    await page.locator('#recipient-1-name').fill('Bob Second');
    await page.locator('#recipient-1-email').fill('bob@example.com');
    expect(await page.locator('#recipient-1-routingOrder').inputValue()).toBe('2');
    await page.locator('#recipient-1-authentication').selectOption('EMAIL_OTP');
    await page.locator('#send-subject').fill(SUBJECT);
    await page.locator('#send-message').fill('Please sign by Friday.');
    await page.locator('#send-submit').click();

    await page.waitForURL(/\/app\/envelopes\/[A-Za-z0-9_-]+$/);
    envelopeId = page.url().split('/').pop() ?? '';
    await page.locator('#envelope-subject').waitFor();
    expect(await text(page, '#envelope-subject')).toBe(SUBJECT);
    expect(await page.locator('main script').count()).toBe(0);
    const view = (await (await ui.stack.api(`/api/v1/envelopes/${envelopeId}`)).json()) as {
      sender: { email: string };
      recipients: Array<{ email: string; routingOrder: number }>;
    };
    expect(view.sender.email).toBe(SAM.email);
    expect(view.recipients.map((r) => [r.email, r.routingOrder])).toEqual([
      ['alice@example.com', 1],
      ['bob@example.com', 2],
    ]);
  });

  it('shows the recipients with their timeline on the envelope page', async () => {
    const page = sam.page;
    const alice = page.locator('#envelope-recipients li.recipient', { hasText: 'alice@example.com' });
    const bob = page.locator('#envelope-recipients li.recipient', { hasText: 'bob@example.com' });
    expect(await alice.locator('.recipient-status').textContent()).toBe('To act');
    expect(await bob.locator('.recipient-status').textContent()).toBe('Waiting for turn');
    expect(await alice.locator('.timeline').textContent()).toContain('Invited');
    await screenshot(page, '04-envelope');
  });

  it('reminds from the UI, recorded in the audit trail as the signed-in sender with ENTRA_ID', async () => {
    const page = sam.page;
    await page.locator('#remind-all').click();
    await eventually(async () => expect(await text(page, '#status')).toBe('Reminder sent.'), 15_000);
    const audit = (await (await ui.stack.api(`/api/v1/envelopes/${envelopeId}`)).json()) as {
      audit: Array<{ type: string; authMethod: string; actor: { email?: string } }>;
    };
    expect(audit.audit.find((event) => event.type === 'REMINDED')).toMatchObject({
      authMethod: 'ENTRA_ID',
      actor: { email: SAM.email },
    });
  });

  it('refuses cookie-authenticated POSTs without the CSRF token or from a foreign origin (403 CSRF_REJECTED)', async () => {
    const url = `${ui.stack.apiUrl}/api/v1/envelopes/${envelopeId}/remind`;
    const session = (await (await sam.page.request.get(`${ui.stack.apiUrl}/app/session`)).json()) as {
      csrfToken: string;
    };
    const noToken = await sam.page.request.post(url, { data: {}, headers: { origin: ui.stack.apiUrl } });
    expect(noToken.status()).toBe(403);
    expect(await noToken.json()).toMatchObject({ error: { code: 'CSRF_REJECTED' } });
    const foreign = await sam.page.request.post(url, {
      data: {},
      headers: { origin: 'http://evil.example', 'x-csrf-token': session.csrfToken },
    });
    expect(foreign.status()).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: { code: 'CSRF_REJECTED' } });
    const good = await sam.page.request.post(url, {
      data: {},
      headers: { origin: ui.stack.apiUrl, 'x-csrf-token': session.csrfToken },
    });
    expect(good.status()).toBe(200);
  });

  it("keeps a second sender out of the first sender's envelope; an admin may open it", async () => {
    const olivia = await signInAs(ui.browser, ui.stack, OLIVIA);
    try {
      await olivia.page.goto(`${ui.stack.apiUrl}/app/envelopes/${envelopeId}`);
      await olivia.page.locator('#envelope-missing').waitFor();
      await screenshot(olivia.page, '05-envelope-not-yours');
      const api = await olivia.page.request.get(`${ui.stack.apiUrl}/api/v1/envelopes/${envelopeId}`);
      expect(api.status()).toBe(403);
      await olivia.page.goto(`${ui.stack.apiUrl}/app/envelopes`);
      await olivia.page.locator('#no-envelopes, #envelopes-table').first().waitFor();
      expect(await olivia.page.locator(`a[href^="/app/envelopes/${envelopeId}"]`).count()).toBe(0);
    } finally {
      await olivia.context.close();
    }
    const ada = await signInAs(ui.browser, ui.stack, ADA);
    try {
      await ada.page.goto(`${ui.stack.apiUrl}/app/envelopes/${envelopeId}`);
      await ada.page.locator('#envelope-subject').waitFor();
      expect(await text(ada.page, '#envelope-subject')).toBe(SUBJECT);
    } finally {
      await ada.context.close();
    }
  });

  it('lists envelopes with tabs, a status filter and search', async () => {
    const page = sam.page;
    await page.locator('#nav-envelopes').click();
    await page.locator('#envelopes-title').waitFor();
    await eventually(async () => {
      await page.goto(`${ui.stack.apiUrl}/app/envelopes`);
      await page.locator('#no-envelopes, #envelopes-table').first().waitFor();
      expect(await page.locator(`#envelopes-table a[href="/app/envelopes/${envelopeId}"]`).count()).toBe(1);
    }, 30_000);
    await screenshot(page, '06-envelopes');
    await page.locator('#filter-q').fill('Offer & terms');
    await page.locator('#envelope-filters button[type=submit]').click();
    await page.waitForURL(/q=Offer/);
    await page.locator(`#envelopes-table a[href="/app/envelopes/${envelopeId}"]`).waitFor();
    await page.locator('#filter-q').fill('no such envelope anywhere');
    await page.locator('#envelope-filters button[type=submit]').click();
    await page.locator('#no-envelopes').waitFor();
    await page.locator('#filter-q').fill('');
    await page.locator('#filter-status').selectOption('COMPLETED');
    await page.waitForURL(/status=COMPLETED/);
    await page.locator('#no-envelopes').waitFor();
    await page.locator('#tab-expiring-soon').click();
    await page.waitForURL(/view=expiring-soon/);
    await page.locator('#tab-needs-attention').click();
    await page.waitForURL(/view=needs-attention/);
    await screenshot(page, '07-envelopes-needs-attention');
  });

  it('replaces, adds and removes recipients and sets a legal hold from the envelope page', async () => {
    const page = sam.page;
    await page.goto(`${ui.stack.apiUrl}/app/envelopes/${envelopeId}`);
    await page.locator('#envelope-subject').waitFor();
    const bob = page.locator('#envelope-recipients li.recipient', { hasText: 'bob@example.com' });
    await bob.getByRole('button', { name: 'Replace Bob Second' }).click();
    await page.locator('#replace-name').fill('Carol Third');
    await page.locator('#replace-email').fill('carol@example.com');
    await page.locator('#dialog-submit').click();
    await eventually(
      async () => expect(await text(page, '#envelope-recipients')).toContain('carol@example.com'),
      15_000,
    );
    expect(await text(page, '#envelope-recipients')).not.toContain('bob@example.com');

    await page.locator('#add-recipient').click();
    await page.locator('#add-name').fill('Dave Fourth');
    await page.locator('#add-email').fill('dave@example.com');
    await page.locator('#add-order').fill('3');
    await page.locator('#dialog-submit').click();
    await eventually(
      async () => expect(await text(page, '#envelope-recipients')).toContain('dave@example.com'),
      15_000,
    );
    await screenshot(page, '08a-envelope-recipients-changed');

    const dave = page.locator('#envelope-recipients li.recipient', { hasText: 'dave@example.com' });
    await dave.getByRole('button', { name: 'Remove Dave Fourth' }).click();
    await page.locator('#dialog-submit').click();
    await eventually(
      async () => expect(await text(page, '#envelope-recipients')).not.toContain('dave@example.com'),
      15_000,
    );

    await page.locator('#legal-hold').click();
    await eventually(async () => expect(await text(page, '#envelope-summary')).toMatch(/Legal hold\s*Yes/), 15_000);
    const view = (await (await ui.stack.api(`/api/v1/envelopes/${envelopeId}`)).json()) as {
      legalHold: boolean;
      audit: Array<{ type: string; authMethod: string }>;
    };
    expect(view.legalHold).toBe(true);
    for (const type of ['RECIPIENT_REPLACED', 'RECIPIENT_ADDED', 'RECIPIENT_REMOVED', 'LEGAL_HOLD_SET']) {
      expect(view.audit.find((event) => event.type === type)).toMatchObject({ authMethod: 'ENTRA_ID' });
    }
  });

  it('extends the deadline and cancels the envelope from the UI', async () => {
    const page = sam.page;
    await page.goto(`${ui.stack.apiUrl}/app/envelopes/${envelopeId}`);
    await page.locator('#extend').click();
    await page.locator('#extend-date').fill('2099-12-31');
    await page.locator('#dialog-submit').click();
    await eventually(async () => expect(await text(page, '#status')).toContain('2099-12-31'), 15_000);
    await eventually(async () => expect(await text(page, '#envelope-summary')).toContain('2099'), 15_000);
    await page.locator('#cancel-envelope').click();
    await page.locator('#dialog-submit').click();
    expect(await page.locator('#cancel-reason').getAttribute('aria-invalid')).toBe('true');
    await page.locator('#cancel-reason').fill('Terms changed');
    await screenshot(page, '08-cancel-dialog');
    await page.locator('#dialog-submit').click();
    await eventually(async () => expect(await text(page, '#envelope-summary')).toContain('Cancelled'), 15_000);
    await screenshot(page, '09-envelope-cancelled');
  });

  it('has no serious or critical axe-core violations on the library, dialog, list and envelope pages', async () => {
    const axe = await signInAs(ui.browser, ui.stack, SAM, { bypassCSP: true });
    try {
      const page = axe.page;
      await page.locator('#library-table').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByLabel('Select nda.pdf').check();
      await page.locator('#send-for-signature').click();
      await page.locator('dialog[open] #send-form').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await page.locator('dialog[open]').waitFor({ state: 'detached' });
      await page.goto(`${ui.stack.apiUrl}/app/envelopes`);
      await page.locator('#envelopes-table').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.goto(`${ui.stack.apiUrl}/app/envelopes/${envelopeId}`);
      await page.locator('#envelope-subject').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await axe.context.close();
    }
  });

  it('speaks the language asked for with ?lang=', async () => {
    await sam.page.goto(`${ui.stack.apiUrl}/app?lang=fi`);
    await sam.page.locator('#library-title').waitFor();
    expect(await text(sam.page, '#library-title')).toBe('Asiakirjakirjasto');
    expect(await sam.page.locator('html').getAttribute('lang')).toBe('fi');
    await screenshot(sam.page, '10-library-fi');
  });

  it('signs out: the session ends on the server', async () => {
    const before = await sam.page.request.get(`${ui.stack.apiUrl}/app/session`);
    expect(before.status()).toBe(200);
    await sam.page.locator('#sign-out').click();
    await sam.page.waitForURL(/signed-out|login|interaction/);
    const after = await sam.page.request.get(`${ui.stack.apiUrl}/app/session`);
    expect(after.status()).toBe(401);
  });
});
