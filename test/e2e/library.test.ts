import { join } from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import type { LibraryTitle, RunResult } from '../../shared/contract';
import type { AnilistService } from '../emulators/anilist/index';
import type { MalState } from '../emulators/mal/index';
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

describe('the Library (headless host, emulators, Chromium)', () => {
  itWithBrowser(
    'lists every title once with each service side by side, filters and searches, and a +1 reaches AniList and MyAnimeList',
    async () => {
      world = await startConnectedHost({ dir: tempDir(), connect: ['AniList', 'MyAnimeList'] });
      const { page } = world;
      const run = await world.rpc<RunResult>('sync.run', { confirm: true });
      expect(run.failed).toBe(0);
      const { titles } = await world.rpc<{ titles: LibraryTitle[] }>('library.list');
      // In step after the sync: a title both lists hold, in progress, with episodes left.
      const anilist = world.emulators.services.anilist as AnilistService;
      const mal = (world.emulators.services.mal as unknown as { state: MalState }).state;
      const target = titles.find((title) => {
        const id = Number(title.titleKey.split(':')[2]);
        const entry = anilist.state.entries.get([...anilist.state.entries.keys()].find((key) => anilist.state.entries.get(key)?.mediaId === id) ?? -1);
        const media = anilist.state.media.get(id);
        return title.kind === 'anime' && title.lists.length === 2 && entry?.status === 'CURRENT' && media?.idMal && (media.episodes ?? 0) > entry.progress + 1 && mal.lists.anime.has(media.idMal);
      });
      expect(target, 'no AniList+MAL title in progress in the small seed').toBeDefined();
      const mediaId = Number(target!.titleKey.split(':')[2]);
      const malId = anilist.state.media.get(mediaId)!.idMal!;
      const progress = Math.max(...target!.lists.map((list) => list.progress ?? 0));

      // The library shows the lists as the run left them: no title the run just aligned still disagrees.
      expect(titles.filter((title) => title.disagree && title.lists.every((list) => list.service === 'anilist' || list.service === 'mal')).map((title) => title.title)).toEqual([]);
      await world.open('Library');
      const table = page.getByRole('table', { name: 'Library' });
      await table.getByRole('row').first().waitFor();
      await expect(page.getByRole('status').filter({ hasText: / titles?$/ }).textContent()).resolves.toBe(`${titles.filter((title) => title.kind === 'anime').length} titles`);
      await page.screenshot({ path: join(screenshotDir, 'library.png'), fullPage: true });

      // Search narrows to the title; the Manga tab shows the other kind.
      await page.getByLabel('Search the library').fill(target!.title.slice(0, Math.min(12, target!.title.length)));
      const row = table.getByRole('row', { name: target!.title, exact: true });
      await row.waitFor();
      await expect(row.textContent()).resolves.toContain('AniList');
      await expect(row.textContent()).resolves.toContain('MyAnimeList');

      // +1: shown at once, then on both services.
      await row.getByRole('button', { name: `+1 episode for ${target!.title}` }).click();
      await expect.poll(() => row.textContent()).toContain(`${progress + 1} ep`);
      await expect.poll(() => [...anilist.state.entries.values()].find((entry) => entry.mediaId === mediaId)?.progress, { timeout: 30_000 }).toBe(progress + 1);
      await expect.poll(() => mal.lists.anime.get(malId)?.progress, { timeout: 30_000 }).toBe(progress + 1);
      await page.getByText(/Sent to 2 lists/).first().waitFor();
      await page.screenshot({ path: join(screenshotDir, 'library-after-plus-one.png'), fullPage: true });

      await page.getByLabel('Search the library').fill('');
      await page.getByRole('tab', { name: 'Manga' }).click();
      await expect(page.getByRole('status').filter({ hasText: / titles?$/ }).textContent()).resolves.toBe(`${titles.filter((title) => title.kind === 'manga').length} titles`);
    },
    240_000,
  );
});
