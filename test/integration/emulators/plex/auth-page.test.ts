import { afterEach, describe, expect } from 'vitest';
import { browserRequirement, launchBrowser } from '../../../e2e/support/browser';
import { itWhen } from '../../../support/environment';
import { plexTvHeaders, startPlexHarness, type PlexHarness } from './harness';

/**
 * The emulated app.plex.tv/auth page in a real browser: the PIN code travels in the URL fragment, which only
 * the page's script can read (description.md, "Construct the Auth App url").
 */
const itWithBrowser = itWhen(browserRequirement.available, browserRequirement.skipNote);

let harness: PlexHarness | undefined;
afterEach(async () => harness?.close());

async function newPin(h: PlexHarness): Promise<{ id: number; code: string }> {
  return (await (await fetch(`${h.plextvUrl}/api/v2/pins?strong=true`, { method: 'POST', headers: plexTvHeaders() })).json()) as { id: number; code: string };
}

async function token(h: PlexHarness, id: number): Promise<string | null> {
  return ((await (await fetch(`${h.plextvUrl}/api/v2/pins/${id}`, { headers: plexTvHeaders() })).json()) as { authToken: string | null }).authToken;
}

function authUrl(h: PlexHarness, code: string, extra = ''): string {
  return `${h.plextvUrl}/auth#?clientID=kizuna-test-client&code=${code}&context%5Bdevice%5D%5Bproduct%5D=Kizuna${extra}`;
}

describe('plex.tv auth page in a browser', () => {
  itWithBrowser('shows the product from the fragment and claims the PIN when the user presses Approve', async () => {
    harness = await startPlexHarness();
    const pin = await newPin(harness);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(authUrl(harness, pin.code));
      expect(await page.textContent('#product')).toBe('Kizuna');
      expect(await page.textContent('#code')).toBe(pin.code);
      expect(await token(harness, pin.id)).toBeNull();
      await page.click('#approve');
      await page.waitForSelector('#status[data-state="ok"]');
      expect(await token(harness, pin.id)).toMatch(/^[\w-]{20}$/);
    } finally {
      await browser.close();
    }
  });

  itWithBrowser('approves at once with auto-approve, then follows forwardUrl', async () => {
    harness = await startPlexHarness({ autoApprove: true });
    const pin = await newPin(harness);
    const forward = `${harness.plextvUrl}/api/v2/pins/${pin.id}`;
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(authUrl(harness, pin.code, `&forwardUrl=${encodeURIComponent(forward)}`));
      await page.waitForURL(forward);
      expect(harness.state.pins.findByCode(pin.code)?.authToken).toMatch(/^[\w-]{20}$/);
    } finally {
      await browser.close();
    }
  });
});
