import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { itWhen } from '../support/environment';
import { useTempDirs } from '../support/temp-dir';
import { browserRequirement, launchBrowser } from './support/browser';
import { ensureRendererBuilt, screenshotDir, startHeadlessHost, type RunningHost } from './support/headless-host';

const itWithBrowser = itWhen(browserRequirement.available, browserRequirement.skipNote);
const tempDir = useTempDirs();
const screens = ['Dashboard', 'Library', 'Matches', 'Watchlist', 'History', 'Settings', 'Accounts'] as const;

let browser: Browser | undefined;
let host: RunningHost | undefined;
/** The session cookie from the one sign-in the one-time link allows, shared by every later context. */
let signedIn: Awaited<ReturnType<BrowserContext['storageState']>> | undefined;

async function signedInContext(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  if (!browser || !signedIn) throw new Error('not started');
  return browser.newContext({ ...options, storageState: signedIn });
}

async function signedInPage(context: BrowserContext): Promise<Page> {
  if (!host) throw new Error('host not started');
  const page = await context.newPage();
  await page.goto(`${host.baseUrl}/`);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return page;
}

describe('the app shell in a real browser, over the headless host', () => {
  beforeAll(async () => {
    if (!browserRequirement.available) return;
    ensureRendererBuilt();
    host = await startHeadlessHost(tempDir(), { KIZUNA_SECRET_STORE: 'encrypted-file', KIZUNA_SECRET_KEY: 'e2e-secret-key-0123456789' });
    browser = await launchBrowser();
    mkdirSync(screenshotDir, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  itWithBrowser('refuses a visitor without the session, in the browser and over the API', async () => {
    if (!browser || !host) throw new Error('not started');
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${host.baseUrl}/#/settings`);
    expect(response?.status()).toBe(401);
    await expect(page.getByText(/kizuna serve/).first().isVisible()).resolves.toBe(true);
    const api = await fetch(`${host.baseUrl}/rpc/settings.get`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    await context.close();
  });

  itWithBrowser('signs in once with the printed link, drops the token from the address bar, and refuses the link a second time', async () => {
    if (!browser || !host) throw new Error('not started');
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(host.loginUrl);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(page.url()).toBe(`${host.baseUrl}/`);
    const cookie = (await context.cookies()).find((c) => c.name === 'kizuna_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    signedIn = await context.storageState();

    const stranger = await browser.newContext();
    const reused = await (await stranger.newPage()).goto(host.loginUrl);
    expect(reused?.status()).toBe(410);
    await stranger.close();
    await context.close();
  });

  itWithBrowser('visits every screen, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await signedInContext({ colorScheme, viewport: { width: 1280, height: 800 } });
      const page = await signedInPage(context);
      for (const screen of screens) {
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen, exact: true }).click();
        await expect(page.getByRole('heading', { level: 1, name: screen }).isVisible()).resolves.toBe(true);
        expect(page.url()).toMatch(new RegExp(`#/${screen.toLowerCase()}$`));
        await expect(page.getByRole('link', { name: screen, exact: true }).getAttribute('aria-current')).resolves.toBe('page');
        if (screen === 'Dashboard') {
          await page.getByText('No accounts connected yet').waitFor();
          await page.getByText(/encrypted/i).first().waitFor();
        } else if (screen === 'Accounts') {
          // Without a services file there are no built-in clients: Trakt must say why it cannot connect yet.
          await page.getByRole('button', { name: 'Connect AniList' }).waitFor();
          await page.getByText(/Trakt requires every user to register their own API client/).waitFor();
        } else if (screen === 'Library') {
          await page.getByText('Your library is empty').waitFor();
        } else if (screen === 'Matches') {
          await page.getByText('Nothing to review').waitFor();
        } else if (screen === 'History') {
          await page.getByText('No sync has run yet').waitFor();
        } else if (screen === 'Watchlist') {
          // No Trakt account here: the screen says how to get one connected.
          await page.getByText('Connect Trakt on the Accounts screen to edit your watchlist.').waitFor();
        }
        await page.screenshot({ path: join(screenshotDir, `${screen.toLowerCase()}-${colorScheme}.png`), fullPage: true });
      }
      await context.close();
    }
  });

  itWithBrowser('keeps a changed setting across a reload, and pushes it live to another open tab', async () => {
    const context = await signedInContext();
    const page = await signedInPage(context);
    const otherTab = await signedInPage(context);
    await otherTab.goto(otherTab.url().replace(/#.*$/, '') + '#/settings');
    await otherTab.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();

    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    const pause = page.getByRole('checkbox', { name: 'Pause scheduled sync' });
    expect(await pause.isChecked()).toBe(false);
    await pause.check();
    await page.getByRole('radio', { name: /Dark/ }).check();
    await page.getByText('Saved').first().waitFor();

    // The other tab learns of the change through the server-sent event, without reloading.
    await otherTab.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    expect(await otherTab.getByRole('checkbox', { name: 'Pause scheduled sync' }).isChecked()).toBe(true);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Pause scheduled sync' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: /Dark/ }).isChecked()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await context.close();
  });

  itWithBrowser('explains an out-of-range interval next to the field and keeps the saved value', async () => {
    const context = await signedInContext();
    const page = await signedInPage(context);
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    const interval = page.getByRole('spinbutton', { name: 'Sync interval (minutes)' });
    await interval.fill('5');
    await interval.press('Enter');
    await page.getByText(/at most every 15 minutes/).waitFor();
    await expect(interval.getAttribute('aria-invalid')).resolves.toBe('true');
    await page.screenshot({ path: join(screenshotDir, 'settings-invalid-interval.png'), fullPage: true });

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await expect(page.getByRole('spinbutton', { name: 'Sync interval (minutes)' }).inputValue()).resolves.toBe('60');
    await context.close();
  });
});
