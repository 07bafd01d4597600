/// <reference lib="dom" />
// DOM types: callbacks passed to page.evaluate run in the browser.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { TEnvelopeView } from '@signet/shared';
import { launchBrowser, seriousAxeViolations } from './browser';
import type { PageRecord } from './browser';
import { linkTokenOf } from './mail-server';
import type { CapturedMail } from './mail-server';
import { makePdf } from './pdf-fixtures';
import { startStack } from './stack';
import type { Stack } from './stack';
import { REPO_ROOT } from './temporal-tools';

// The signing page's browser tests share this: the real stack and Chromium, envelopes sent through the API
// with their links read from the invitation mails, and the checks every page state gets.

export type WebManifest = { sign: { js: string }; chunks: Record<string, string> };

/** Builds the page's bundles fresh from source (the API serves api/dist/public) and reads their manifest. */
export function buildWebBundles(): WebManifest {
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'api/scripts/build-web.mjs')], { stdio: 'ignore' });
  return JSON.parse(readFileSync(path.join(REPO_ROOT, 'api/dist/public/manifest.json'), 'utf8')) as WebManifest;
}

export type SigningPageSuite = {
  stack: Stack;
  browser: Browser;
  manifest: WebManifest;
  /** Sends an envelope to `signers` (in order) and returns its id and the first signer's link token. */
  send(
    signers: Array<{ email: string; name: string; role?: string }>,
    options?: { subject?: string; fileName?: string; message?: string; extra?: Record<string, unknown>; pdf?: Buffer },
  ): Promise<{ envelopeId: string; token: string }>;
  statusOf(envelopeId: string): Promise<TEnvelopeView>;
  /** Opens the link and waits (generously: the API asks the workflow) for the page to reach `state`. */
  openSignPage(page: Page, token: string, state: string): Promise<void>;
  /** No CSP violation, no dialog, and standalone never fetches the Teams SDK. */
  expectClean(record: PageRecord): void;
  stop(): Promise<void>;
};

async function startSigningPageSuite(): Promise<SigningPageSuite> {
  const manifest = buildWebBundles();
  const stack = await startStack();
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await stack.stop();
    throw error;
  });
  const to = (address: string) => (mail: CapturedMail) => mail.to.some((t) => t.address === address);
  return {
    stack,
    browser,
    manifest,
    async send(signers, options = {}) {
      const form = new FormData();
      form.append(
        'envelope',
        JSON.stringify({
          subject: options.subject ?? 'Consulting agreement',
          message: options.message ?? 'Please sign by Friday.',
          sender: { email: 'sam@example.com', name: 'Sam Sender' },
          recipients: signers,
          expiresIn: '14d',
          ...options.extra,
        }),
      );
      const pdf = options.pdf ?? (await makePdf(3));
      form.append(
        'file',
        new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }),
        options.fileName ?? 'agreement.pdf',
      );
      const created = await stack.api('/api/v1/envelopes/upload', { method: 'POST', body: form });
      expect(created.status).toBe(201);
      const { envelopeId } = (await created.json()) as { envelopeId: string };
      const [invite] = await stack.mail.waitFor(to(signers[0]!.email));
      return { envelopeId, token: linkTokenOf(invite!) };
    },
    async statusOf(envelopeId) {
      const response = await stack.api(`/api/v1/envelopes/${envelopeId}`);
      expect(response.status).toBe(200);
      return (await response.json()) as TEnvelopeView;
    },
    async openSignPage(page, token, state) {
      await page.goto(`${stack.apiUrl}/sign/${token}`);
      await page.waitForSelector(`[data-state="${state}"]`, { timeout: 60_000 });
    },
    expectClean(record) {
      expect(record.cspViolations).toEqual([]);
      expect(record.dialogs).toEqual([]);
      expect(record.requests.filter((url) => url.includes(manifest.chunks['@microsoft/teams-js']!))).toEqual([]);
    },
    async stop() {
      await browser.close();
      await stack.stop();
    },
  };
}

/** Focus is on the new state's heading (screen readers announce it). */
export async function expectFocusOnHeading(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.activeElement?.tagName)).toMatch(/^H[12]$/);
}

export async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

/** Presses Tab until the focused element matches `selector` (keyboard-only navigation). */
export async function tabTo(page: Page, selector: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Draws a wavy stroke with the mouse on the visible signature canvas. */
export async function drawSignature(page: Page): Promise<void> {
  const canvas = page.locator('.kind-panel:not([hidden]) canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + box.height * 0.7);
  await page.mouse.down();
  for (let i = 1; i <= 12; i += 1) {
    await page.mouse.move(box.x + 30 + i * 25, box.y + box.height * (0.7 - 0.4 * Math.abs(Math.sin(i / 2))));
  }
  await page.mouse.up();
}

/**
 * Registers the suite's start and stop as this test file's beforeAll/afterAll and returns it; its members may
 * be read inside tests (not at module level, before the suite has started).
 */
export function useSigningPageSuite(): SigningPageSuite {
  let started: SigningPageSuite | undefined;
  beforeAll(async () => {
    started = await startSigningPageSuite();
  });
  afterAll(async () => started?.stop());
  const current = (): SigningPageSuite => {
    if (!started) throw new Error('the signing page suite has not started (use it inside a test)');
    return started;
  };
  return {
    get stack() {
      return current().stack;
    },
    get browser() {
      return current().browser;
    },
    get manifest() {
      return current().manifest;
    },
    send: (signers, options) => current().send(signers, options),
    statusOf: (envelopeId) => current().statusOf(envelopeId),
    openSignPage: (page, token, state) => current().openSignPage(page, token, state),
    expectClean: (record) => current().expectClean(record),
    stop: async () => current().stop(),
  };
}
