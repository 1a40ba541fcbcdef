import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect } from 'vitest';
import { itWhen } from '../support/environment';
import { useTempDirs } from '../support/temp-dir';
import { startAuthWorld, type AuthWorld } from '../integration/auth/support';
import { browserRequirement, launchBrowser } from './support/browser';
import { ensureRendererBuilt, screenshotDir, startHeadlessHost, type RunningHost } from './support/headless-host';

const itWithBrowser = itWhen(browserRequirement.available, browserRequirement.skipNote);
const tempDir = useTempDirs();

let browser: Browser | undefined;
let host: RunningHost | undefined;
let world: AuthWorld | undefined;

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await world?.close();
});

/** Clicks the page's sign-in link, which opens the service's page in a new tab as a browser would, and returns that tab. */
async function openSignInTab(context: BrowserContext, page: Page, label: string): Promise<Page> {
  const [tab] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: `Open the ${label} sign-in page` }).click()]);
  await tab.waitForLoadState();
  return tab;
}

async function waitForAccount(page: Page, label: string): Promise<void> {
  await page.getByRole('list', { name: `${label} accounts` }).getByRole('listitem').first().waitFor({ timeout: 30_000 });
}

describe('connecting all four services through the UI (headless host, emulators, Chromium)', () => {
  itWithBrowser(
    'connects AniList, MyAnimeList, Trakt and Plex by their real sign-in pages, chooses Plex libraries, and disconnects',
    async () => {
      ensureRendererBuilt();
      // Sign-in pages that ask, as the real ones do; the emulators follow the real clock, as the host polls in real time.
      world = await startAuthWorld({ autoApprove: false, realTime: true });
      const dir = tempDir();
      const dataDir = join(dir, 'data');
      mkdirSync(dataDir, { recursive: true });
      const servicesFile = join(dir, 'services.json');
      writeFileSync(servicesFile, JSON.stringify(world.emulators.servicesConfig));
      // The port the emulators' clients were registered with, as set under Settings → Sign-in port.
      writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ signIn: { loopbackPort: world.port } }));
      host = await startHeadlessHost(dataDir, { KIZUNA_SERVICES: servicesFile, KIZUNA_SECRET_STORE: 'encrypted-file', KIZUNA_SECRET_KEY: 'e2e-secret-key-0123456789' });
      browser = await launchBrowser();
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(host.loginUrl);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();

      // AniList: the implicit grant; the token comes back in the fragment and the loopback page relays it.
      await page.getByRole('button', { name: 'Connect AniList' }).click();
      const anilistTab = await openSignInTab(context, page, 'AniList');
      await anilistTab.getByRole('button', { name: 'Approve' }).click();
      await anilistTab.getByText(/return to Kizuna|return to the app|close this/i).first().waitFor();
      await waitForAccount(page, 'AniList');

      // MyAnimeList: authorization code with PKCE through the loopback listener.
      await page.getByRole('button', { name: 'Connect MyAnimeList' }).click();
      const malTab = await openSignInTab(context, page, 'MyAnimeList');
      await malTab.getByRole('button', { name: 'Allow' }).click();
      await waitForAccount(page, 'MyAnimeList');

      // Trakt: the code shown in Kizuna is typed on Trakt's activation page.
      await page.getByRole('button', { name: 'Connect Trakt' }).click();
      const code = await page.getByRole('textbox', { name: 'Trakt code' }).inputValue();
      expect(code).toMatch(/^[A-Z0-9]{6,}$/);
      await page.screenshot({ path: join(screenshotDir, 'accounts-trakt-code.png'), fullPage: true });
      const [traktTab] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: /\/activate$/ }).click()]);
      await traktTab.getByLabel('Code').fill(code);
      await traktTab.getByRole('button', { name: 'Continue' }).click();
      await traktTab.getByText(/now connected/).waitFor();
      await waitForAccount(page, 'Trakt');

      // Plex: the PIN page on plex.tv, then the servers and libraries.
      await page.getByRole('button', { name: 'Connect Plex' }).click();
      const plexTab = await openSignInTab(context, page, 'Plex');
      await plexTab.getByRole('button', { name: 'Approve' }).click();
      await waitForAccount(page, 'Plex');
      const holds = page.getByLabel(/ holds$/).first();
      await holds.waitFor();
      const libraryLabel = (await page.locator('label', { hasText: / holds$/ }).first().textContent()) ?? '';
      await holds.selectOption('music');
      await expect.poll(async () => (await fetchPlexChoices())[libraryLabel.replace(/ holds$/, '')]).toBe('music');
      await page.screenshot({ path: join(screenshotDir, 'accounts-connected.png'), fullPage: true });

      // Every account is listed as connected, and the choice survives a reload.
      await page.reload();
      await waitForAccount(page, 'Plex');
      await expect.poll(() => page.getByLabel(libraryLabel).inputValue()).toBe('music');
      for (const label of ['AniList', 'MyAnimeList', 'Trakt', 'Plex']) {
        await expect(page.getByRole('list', { name: `${label} accounts` }).getByText('Connected', { exact: true }).count()).resolves.toBe(1);
      }

      // Disconnect Trakt, confirming in the dialog by keyboard-reachable buttons.
      await page.getByRole('button', { name: /^Disconnect .*Trakt/ }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Disconnect' }).click();
      await page.getByText(/revoked Kizuna's access/).first().waitFor();
      await expect(page.getByRole('list', { name: 'Trakt accounts' }).count()).resolves.toBe(0);
      await page.screenshot({ path: join(screenshotDir, 'accounts-after-disconnect.png'), fullPage: true });
      await context.close();

      async function fetchPlexChoices(): Promise<Record<string, string>> {
        const response = await page.request.post(`${host!.baseUrl}/rpc/accounts.list`, { data: {} });
        const accounts = ((await response.json()) as { value: Array<{ id: string; service: string }> }).value;
        const plexId = accounts.find((account) => account.service === 'plex')?.id;
        const servers = await page.request.post(`${host!.baseUrl}/rpc/plex.servers`, { data: { accountId: plexId } });
        const list = ((await servers.json()) as { value: Array<{ libraries: Array<{ title: string; holds: string }> }> }).value;
        return Object.fromEntries(list.flatMap((server) => server.libraries.map((library) => [library.title, library.holds])));
      }
    },
    240_000,
  );
});
