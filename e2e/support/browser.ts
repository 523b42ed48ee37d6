import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { type Credentials, signInApi } from './api-session.js';

/** Debian's Chromium, with the flags this sandbox needs (no network beyond loopback, running as root). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh browser context (its own cookies) with a page. The server's Content-Security-Policy would
 * block the inline script that injects axe-core, so CSP is bypassed unless a test checks CSP itself.
 */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ locale: 'es-MX', acceptDownloads: true, bypassCSP: true, ...options });
  return context.newPage();
}

/** A page signed in as this person: the API's session cookie, which the app then reads /auth/me with. */
export async function openSignedInPage(browser: Browser, baseUrl: string, credentials: Credentials, options: BrowserContextOptions = {}): Promise<Page> {
  const { sessionCookie } = await signInApi(baseUrl, credentials);
  const page = await openPage(browser, options);
  await page.context().addCookies([{ ...sessionCookie, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  return page;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The internal menu with one area opened, as a person opens it before choosing a page. */
export async function openMenuArea(page: Page, area: string) {
  const nav = page.getByRole('navigation', { name: 'Navegación principal' });
  await nav.getByRole('button', { name: area }).click();
  return nav;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Serious and critical accessibility violations axe-core finds on the page as it is now. */
export async function findSeriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe.run();
    return result.violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
