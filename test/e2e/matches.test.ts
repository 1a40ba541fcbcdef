import { join } from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import type { SyncPlan } from '../../shared/contract';
import type { ReviewItem } from '../../shared/contract/matching';
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

/** The Plex entry the plan reads for an AniList title, if any. */
function plexHolds(plan: SyncPlan, anilistId: number): boolean {
  return plan.writes.some((write) => write.titleKey === `anime:anilist:${anilistId}`) || plan.skipped.some((skip) => skip.titleKey === `anime:anilist:${anilistId}` && skip.side.service === 'plex');
}

describe('the review queue (headless host, emulators, Chromium)', () => {
  itWithBrowser(
    'links an unmatched Plex season to a candidate for some of its episodes, with a live preview, and the next plan syncs it',
    async () => {
      world = await startConnectedHost({ dir: tempDir(), connect: ['AniList', 'Plex'] });
      const { page } = world;
      // A preview reads Plex: seasons no table links go to the review queue.
      const before = await world.rpc<SyncPlan>('sync.plan');
      const queue = await world.rpc<{ items: ReviewItem[]; total: number }>('review.list', {});
      const item = queue.items.find((candidate) => candidate.type === 'show' && candidate.candidates.length > 0);
      expect(item, `no reviewable show in ${JSON.stringify(queue.items.map((entry) => entry.title))}`).toBeDefined();
      const name = `${item!.title}${item!.season !== null ? ` season ${item!.season}` : ''}`;
      const chosen = item!.candidates[0]!;
      const plexCountBefore = before.lists.find((list) => list.side.service === 'plex' && list.side.kind === 'anime')?.entries ?? 0;

      await world.open('Matches');
      const card = page.getByRole('article', { name });
      await card.waitFor();
      await expect(page.getByRole('status').filter({ hasText: /to review/ }).textContent()).resolves.toContain(`${queue.total} title`);
      await page.screenshot({ path: join(screenshotDir, 'matches-queue.png'), fullPage: true });

      // Some episodes…: the editor previews the mapping and the progress as the fields change.
      await card.getByRole('button', { name: `Link some episodes of ${name} to ${chosen.title ?? chosen.anilistId}` }).click();
      const editor = card.getByRole('form');
      await editor.getByLabel('First episode').fill('1');
      await editor.getByLabel('Last episode').fill('0');
      await editor.getByText(/Enter the last episode as a whole number from 1/).waitFor();
      await editor.getByLabel('Last episode').fill('2');
      await editor.getByLabel('Try: watched through episode').fill('5');
      await editor.getByText(`Episodes 1–2 of season ${item!.season ?? 1} count as AniList episodes 1–2.`).waitFor();
      await editor.getByText('Watched through episode 5 on Plex: AniList progress 2 of 2 (completed).').waitFor();
      await page.screenshot({ path: join(screenshotDir, 'matches-range-editor.png'), fullPage: true });
      await editor.getByRole('button', { name: 'Link these episodes' }).click();

      // Decided at once: the item leaves the queue, the decision is listed, and the engine has it.
      await card.waitFor({ state: 'detached' });
      await page.getByRole('region', { name: /Your decisions/ }).getByText(`AniList ${chosen.anilistId}, episodes 1–2`, { exact: false }).waitFor();
      const overrides = await world.rpc<Array<{ itemKey: string; anilistId: number; episodes: { start: number; end: number | null } | null }>>('overrides.list');
      expect(overrides).toEqual([expect.objectContaining({ itemKey: item!.itemKey, anilistId: chosen.anilistId, episodes: { start: 1, end: 2 } })]);

      // The next plan reads the season as that entry.
      const after = await world.rpc<SyncPlan>('sync.plan');
      const plexCountAfter = after.lists.find((list) => list.side.service === 'plex' && list.side.kind === 'anime')?.entries ?? 0;
      expect(plexCountAfter > plexCountBefore || plexHolds(after, chosen.anilistId)).toBe(true);
      expect(after.lists.find((list) => list.side.service === 'plex')!.unmatched).toBe(before.lists.find((list) => list.side.service === 'plex')!.unmatched - 1);
      await page.screenshot({ path: join(screenshotDir, 'matches-after.png'), fullPage: true });
    },
    240_000,
  );
});
