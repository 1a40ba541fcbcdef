import { afterEach, describe, expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { signInAniListImplicit } from '../../../main/auth/flows/anilist-flow';
import { signInMal } from '../../../main/auth/flows/mal-flow';
import type { BrowserOpener } from '../../../main/auth/open-browser';
import { browserRequirement, launchBrowser } from '../../e2e/support/browser';
import { itWhen } from '../../support/environment';
import { ANILIST, MAL, startAuthWorld, type AuthWorld } from './support';

/**
 * The loopback pages in real Chromium: the implicit grant's fragment reaches Kizuna only if the relay script
 * runs under the page's strict CSP (script-src 'self', no inline script), which fetch-driven tests cannot show.
 */
const itWithBrowser = itWhen(browserRequirement.available, browserRequirement.skipNote);

let world: AuthWorld | undefined;
let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  await world?.close();
  browser = undefined;
  world = undefined;
});

async function chromium(): Promise<{ opener: BrowserOpener; page: Page }> {
  browser = await launchBrowser();
  const page = await browser.newPage();
  const opener: BrowserOpener = {
    open: (url) => page.goto(url).then(() => true),
  };
  return { opener, page };
}

describe('loopback pages in a real browser', () => {
  itWithBrowser('AniList implicit grant: the relay script posts the fragment and the tab says to return to Kizuna', async () => {
    world = await startAuthWorld({ autoApprove: true });
    const { opener, page } = await chromium();
    const errors: string[] = [];
    page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
    const result = await signInAniListImplicit({ services: world.emulators.servicesConfig, clientId: ANILIST.clientId, port: world.port, browser: opener });
    expect(result.accessToken.split('.')).toHaveLength(3);
    await page.waitForFunction(() => document.getElementById('title')?.textContent === 'Signed in to AniList');
    expect(await page.textContent('#message')).toBe('You can close this tab and return to Kizuna.');
    // The token no longer sits in the address bar or history.
    expect(page.url()).toBe(`http://127.0.0.1:${world.port}/callback`);
    expect(errors).toEqual([]);
  });

  itWithBrowser('MAL: approve in the browser, land on the success page', async () => {
    world = await startAuthWorld({ autoApprove: false });
    const { page } = await chromium();
    const opener: BrowserOpener = {
      open: async (url) => {
        await page.goto(url);
        await page.click('button[value="approve"]');
        return true;
      },
    };
    const result = await signInMal({ services: world.emulators.servicesConfig, clientId: MAL.clientId, port: world.port, browser: opener });
    expect(result.service).toBe('mal');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Signed in to MyAnimeList');
    expect(await page.textContent('#message')).toBe('You can close this tab and return to Kizuna.');
  });
});
