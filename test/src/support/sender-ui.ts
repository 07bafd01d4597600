import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot as saveScreenshot, seriousAxeViolations } from './browser';
import type { LocalOidc } from './local-oidc';
import { startLocalOidc } from './local-oidc';
import { freePorts } from './ports';
import type { Stack } from './stack';
import { startStack } from './stack';
import { REPO_ROOT } from './temporal-tools';

// Test support for the sender web UI: the real stack with the local issuer's interactive client, a real
// Chromium, sign-in through the issuer's own form, screenshots and axe-core.

const WEB_CLIENT_ID = 'signet-web';

export type SenderUiStack = { stack: Stack; oidc: LocalOidc; browser: Browser; stop(): Promise<void> };

/** Builds the browser bundles (api/dist/public) the shell names, as `npm run build:web` does. */
async function buildWeb(): Promise<void> {
  await promisify(execFile)(process.execPath, [path.join(REPO_ROOT, 'api/scripts/build-web.mjs')], { cwd: REPO_ROOT });
}

/**
 * Starts the issuer (with `users` for client-credential tokens and an interactive web client whose redirect
 * URI is the API's callback), the stack on a port chosen beforehand, and Chromium.
 */
export async function startSenderUiStack(
  users: Array<{ email: string; name: string; roles?: string[] }>,
): Promise<SenderUiStack> {
  await buildWeb();
  const [apiPort] = (await freePorts(1)) as [number];
  const publicUrl = `http://127.0.0.1:${apiPort}`;
  const clientSecret = randomBytes(32).toString('base64url');
  const oidc = await startLocalOidc(users, {
    interactiveClients: [{ clientId: WEB_CLIENT_ID, clientSecret, redirectUris: [`${publicUrl}/app/auth/callback`] }],
  });
  const stack = await startStack(
    {
      ...oidc.env,
      SIGNET_OIDC_WEB_CLIENT_ID: WEB_CLIENT_ID,
      SIGNET_OIDC_WEB_CLIENT_SECRET: clientSecret,
      SIGNET_PUBLIC_URL: publicUrl,
    },
    { apiPort },
  ).catch(async (error: unknown) => {
    await oidc.stop();
    throw error;
  });
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await stack.stop();
    await oidc.stop();
    throw error;
  });
  return {
    stack,
    oidc,
    browser,
    stop: async () => {
      await browser.close();
      await stack.stop();
      await oidc.stop();
    },
  };
}

/** A fresh browser context signed in as `email` through /app → the issuer's login form → back to /app. */
export async function signInAs(
  browser: Browser,
  stack: Stack,
  person: { email: string; name: string },
  options: { bypassCSP?: boolean; locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page, record } = await openPage(browser, {
    locale: options.locale ?? 'en-GB',
    bypassCSP: options.bypassCSP ?? false,
  });
  await page.goto(`${stack.apiUrl}/app`);
  await page.locator('#email').fill(person.email);
  await page.locator('#name').fill(person.name);
  await page.locator('#sign-in').click();
  await page.waitForURL(`${stack.apiUrl}/app**`);
  await page
    .locator('#signed-in-as')
    .waitFor({ timeout: 15_000 })
    .catch((error: unknown) => {
      // The page's own words (console, CSP, failed requests) say more than a timeout.
      throw new Error(
        `the UI did not start at ${page.url()}: ${String(error)}\n${record.console.join('\n')}\n${record.cspViolations.join('\n')}`,
      );
    });
  return { context, page };
}

/** test/artifacts/screenshots/sender-ui/<name>.png */
export async function screenshot(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, 'sender-ui', name);
}

/** axe-core's serious and critical WCAG 2.1 A/AA violations on the page as it is now, as readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  return (await seriousAxeViolations(page)).map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${JSON.stringify(violation.nodes)}`,
  );
}
