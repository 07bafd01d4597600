/// <reference lib="dom" />
// DOM types: callbacks passed to page.evaluate run in the browser.
import { readFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { eventually } from './eventually';
import { REPO_ROOT } from './temporal-tools';

// A real Chromium (the system's /usr/bin/chromium, never a downloaded one) for browser tests, with helpers
// that keep evidence: every page's console, CSP violations and requests, and screenshots per step.

const CHROMIUM = process.env.SIGNET_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const SCREENSHOTS = path.join(REPO_ROOT, 'test/artifacts/screenshots');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

/** What a page did: console lines, CSP violations, failed dialogs, requested URLs. */
export type PageRecord = { console: string[]; cspViolations: string[]; dialogs: string[]; requests: string[] };

/** A fresh context (no shared storage between tests) and a page that records what it does. */
export async function openPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page; record: PageRecord }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const record: PageRecord = { console: [], cspViolations: [], dialogs: [], requests: [] };
  page.on('console', (message) => {
    const text = message.text();
    record.console.push(`${message.type()}: ${text}`);
    if (/Content[- ]Security[- ]Policy/i.test(text)) record.cspViolations.push(text);
  });
  page.on('dialog', (dialog) => {
    record.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => record.requests.push(request.url()));
  // CSP violations also arrive as DOM events, which the console may not show for every directive.
  await page.exposeBinding('__signetCspViolation', (_source, text: string) => record.cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __signetCspViolation(text: string): void }).__signetCspViolation;
      report(
        `${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      );
    });
  });
  return { context, page, record };
}

/** Saves a full-page screenshot as test/artifacts/screenshots/<test>/<step>.png. */
export async function screenshot(page: Page, test: string, step: string): Promise<void> {
  const dir = path.join(SCREENSHOTS, test.replace(/[^\w-]+/g, '-'));
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${step.replace(/[^\w-]+/g, '-')}.png`), fullPage: true });
}

type AxeViolation = { id: string; impact: string | null; help: string; nodes: Array<{ target: unknown }> };

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now; returns the serious and critical
 * violations. The page's CSP forbids inline script, so axe's source is evaluated through the DevTools
 * protocol (page.evaluate), which CSP does not govern.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const source = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Waits until the element's text is `expected` (or matches it): what a page shows after a click may come a
 * moment later (a request to the API first), so reading it once could catch the state before.
 */
export async function expectTextSoon(locator: Locator, expected: string | RegExp, timeoutMs = 15_000): Promise<void> {
  await eventually(async () => {
    const text = (await locator.textContent()) ?? '';
    if (typeof expected === 'string') expect(text).toBe(expected);
    else expect(text).toMatch(expected);
  }, timeoutMs);
}
