import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect } from 'vitest';
import type { Settings } from '../../shared/contract';
import { itWhen } from '../support/environment';
import { useTempDirs } from '../support/temp-dir';
import { browserRequirement, launchBrowser } from './support/browser';
import { ensureRendererBuilt, screenshotDir, startHeadlessHost, type RunningHost } from './support/headless-host';

const itWithBrowser = itWhen(browserRequirement.available, browserRequirement.skipNote);
const tempDir = useTempDirs();
let browser: Browser | undefined;
let host: RunningHost | undefined;

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('sync settings in the UI (headless host, Chromium)', () => {
  itWithBrowser(
    'turns on Trakt ⇄ AniList one way, changes a guard, and keeps both across a reload',
    async () => {
      ensureRendererBuilt();
      host = await startHeadlessHost(tempDir(), { KIZUNA_SECRET_STORE: 'encrypted-file', KIZUNA_SECRET_KEY: 'e2e-secret-key-0123456789' });
      browser = await launchBrowser();
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(host.loginUrl);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click();

      const pair = page.getByRole('checkbox', { name: 'Trakt ⇄ AniList' });
      await expect(pair.isChecked()).resolves.toBe(false);
      await pair.check();
      const direction = page.getByRole('combobox', { name: 'Progress direction, Trakt ⇄ AniList' });
      await direction.selectOption({ label: 'Trakt → AniList' });
      await page.getByRole('combobox', { name: 'Status direction, Trakt ⇄ AniList' }).selectOption('off');
      const share = page.getByLabel('Ask first above this share of a list (%)');
      await share.fill('35');
      await share.press('Enter');
      await expect.poll(async () => (await readSettings()).sync.guardShare).toBe(0.35);
      await expect.poll(async () => (await readSettings()).sync.pairs['trakt:anilist']?.fields).toEqual({ status: 'off', progress: 'a-to-b' });
      await page.screenshot({ path: join(screenshotDir, 'settings-pairs.png'), fullPage: true });

      await page.reload();
      await expect(page.getByRole('checkbox', { name: 'Trakt ⇄ AniList' }).isChecked()).resolves.toBe(true);
      await expect(page.getByRole('combobox', { name: 'Progress direction, Trakt ⇄ AniList' }).inputValue()).resolves.toBe('a-to-b');
      await expect(page.getByLabel('Ask first above this share of a list (%)').inputValue()).resolves.toBe('35');

      // Turning the pair off leaves it out of the settings entirely.
      await page.getByRole('checkbox', { name: 'Trakt ⇄ AniList' }).uncheck();
      await expect.poll(async () => (await readSettings()).sync.pairs['trakt:anilist']).toBeUndefined();

      async function readSettings(): Promise<Settings> {
        const response = await page.request.post(`${host!.baseUrl}/rpc/settings.get`, { data: {} });
        return ((await response.json()) as { value: Settings }).value;
      }
    },
    120_000,
  );
});
