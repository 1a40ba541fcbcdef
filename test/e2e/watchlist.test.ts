import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import type { WatchlistItem } from '../../shared/contract';
import type { TraktService } from '../emulators/trakt/index';
import { itWhen } from '../support/environment';
import { useTempDirs } from '../support/temp-dir';
import { browserRequirement } from './support/browser';
import { startConnectedHost, type ConnectedHost } from './support/connected-host';
import { screenshotDir } from './support/headless-host';

const itWithBrowser = itWhen(browserRequirement.available, browserRequirement.skipNote);
const tempDir = useTempDirs();
let world: ConnectedHost | undefined;

afterAll(async () => {
  await world?.close();
});

describe('the Trakt watchlist (headless host, Trakt emulator, Chromium)', () => {
  itWithBrowser(
    'searches, adds, warns about a duplicate, removes, undoes with the keyboard, exports, and imports the export back',
    async () => {
      world = await startConnectedHost({ dir: tempDir(), connect: ['Trakt'] });
      const { page } = world;
      const trakt = world.emulators.services.trakt as TraktService;
      const listedKeys = () => trakt.state.library.watchlist.map((entry) => `${entry.record.type}:${entry.record.ids.trakt}`).sort();
      const { items: before } = await world.rpc<{ items: WatchlistItem[] }>('watchlist.list');
      expect(before.length).toBeGreaterThan(0);
      const listed = before[0]!;

      await world.open('Watchlist');
      const list = page.getByRole('list', { name: 'Your watchlist' });
      await list.getByRole('listitem').first().waitFor();
      await expect(list.getByRole('listitem').count()).resolves.toBe(before.length);

      // "/" focuses the search; a title already listed says so instead of offering Add.
      await page.locator('body').press('/');
      await page.keyboard.type(listed.title);
      await page.keyboard.press('Enter');
      const results = page.getByRole('list', { name: 'Search results' });
      await results.getByRole('listitem').filter({ hasText: listed.title }).getByText('Already in your watchlist').first().waitFor();

      // Search something not listed and add it.
      const candidates = await world.rpc<{ results: Array<WatchlistItem & { inWatchlist: boolean }> }>('watchlist.search', { query: 'the', type: 'both' });
      const fresh = candidates.results.find((result) => !result.inWatchlist);
      expect(fresh, 'no unlisted title found by "the"').toBeDefined();
      await page.getByLabel('Search Trakt').fill(fresh!.title);
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await results.getByRole('button', { name: `Add ${fresh!.title} to the watchlist` }).first().click();
      await list.getByText(fresh!.title).first().waitFor();
      await expect.poll(listedKeys).toContain(fresh!.key);
      await results.getByRole('listitem').filter({ hasText: fresh!.title }).getByText('Already in your watchlist').first().waitFor();
      await page.screenshot({ path: join(screenshotDir, 'watchlist-added.png'), fullPage: true });

      // Remove it, then undo with "u": it is back on Trakt.
      await list.getByRole('button', { name: `Remove ${fresh!.title} from the watchlist` }).click();
      await expect.poll(listedKeys).not.toContain(fresh!.key);
      await page.getByRole('status').filter({ hasText: `Removed ${fresh!.title}` }).waitFor();
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('u');
      await expect.poll(listedKeys).toContain(fresh!.key);

      // Export: a CSV with the ids other tools import by.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
      const csv = readFileSync((await download.path())!, 'utf8');
      expect(csv.split(/\r?\n/)[0]).toBe('type,title,year,trakt,imdb,tmdb,tvdb,listed_at');
      expect(csv).toContain(String(fresh!.traktId));
      expect(csv.trim().split(/\r?\n/)).toHaveLength(before.length + 2);

      // Import: remove the title, then bring it back from the exported file, with a line Trakt does not know.
      await list.getByRole('button', { name: `Remove ${fresh!.title} from the watchlist` }).click();
      await expect.poll(listedKeys).not.toContain(fresh!.key);
      const file = join(tempDir(), 'import.csv');
      writeFileSync(file, `${csv.trim()}\r\nmovie,Nobody Knows,2001,,tt9999999,,,\r\n`);
      await page.getByLabel('Import a watchlist file').setInputFiles(file);
      await expect.poll(listedKeys, { timeout: 30_000 }).toContain(fresh!.key);
      await page.getByText(/Not found on Trakt: Nobody Knows \(tt9999999\)/).waitFor();
      await page.screenshot({ path: join(screenshotDir, 'watchlist-imported.png'), fullPage: true });
    },
    240_000,
  );
});
