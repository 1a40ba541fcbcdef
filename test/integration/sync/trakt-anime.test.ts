import { afterEach, describe, expect, it } from 'vitest';
import type { RunResult, Settings, SyncPlan } from '../../../shared/contract';
import type { AnilistService } from '../../emulators/anilist/index';
import type { TraktService } from '../../emulators/trakt/index';
import { useTempDirs } from '../../support/temp-dir';
import { call, startSyncWorld, type SyncWorld } from './support';

/** Plays per episode of every anime show, as Trakt holds them: `tvdb s e` → count. */
function playCounts(world: SyncWorld): Map<string, number> {
  const trakt = world.auth.emulators.services.trakt as TraktService;
  const counts = new Map<string, number>();
  for (const play of trakt.state.library.history) {
    if (play.record.type !== 'episode') continue;
    const key = `${play.record.show.ids.tvdb ?? play.record.show.ids.trakt} s${play.record.season}e${play.record.number}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function withTraktAnilist(settings: Settings): Settings {
  const pairs = { ...settings.sync.pairs, 'trakt:anilist': { fields: { progress: 'both', status: 'both' }, conflicts: {}, createMissing: false, propagateRemovals: false } } as Settings['sync']['pairs'];
  return { ...settings, sync: { ...settings.sync, pairs } };
}

describe('Trakt ⇄ AniList for anime, through the ID tables (emulators, small seed)', () => {
  const tempDir = useTempDirs();
  let world: SyncWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('is off by default: no Trakt anime list is read', async () => {
    world = await startSyncWorld({ dataDir: tempDir(), services: ['anilist', 'trakt'] });
    const plan = await call<SyncPlan>(world.core, 'sync.plan');
    expect(plan.lists.some((list) => list.side.service === 'trakt' && list.side.kind === 'anime')).toBe(false);
  });

  it('carries Trakt plays to AniList progress and AniList progress to Trakt plays, adding each missing play once, and settles', async () => {
    world = await startSyncWorld({ dataDir: tempDir(), services: ['anilist', 'trakt'] });
    world.updateSettings(withTraktAnilist);
    const plan = await call<SyncPlan>(world.core, 'sync.plan');
    const traktAnime = plan.lists.find((list) => list.side.service === 'trakt' && list.side.kind === 'anime');
    expect(traktAnime?.entries ?? 0).toBeGreaterThan(0);
    const animeWrites = plan.writes.filter((write) => write.side.kind === 'anime');
    expect(animeWrites.length).toBeGreaterThan(0);
    // Only anime: the Trakt anime list holds AniList-keyed titles, nothing from the non-anime history.
    for (const write of animeWrites) expect(write.titleKey).toMatch(/^anime:anilist:\d+$/);

    const before = playCounts(world);
    const result = await call<RunResult>(world.core, 'sync.run', { planId: plan.id, confirm: true });
    expect(result.failed).toBe(0);
    expect(['done', 'partial']).toContain(result.status);
    const after = playCounts(world);
    // No episode already played got a second play, and every new play is one play.
    for (const [episode, count] of after) expect({ episode, added: count - (before.get(episode) ?? 0), had: before.get(episode) ?? 0 }).toSatisfy((row: { added: number; had: number }) => row.added === 0 || (row.had === 0 && row.added === 1));

    // In step: the next plan has nothing to write between Trakt and AniList.
    const again = await call<SyncPlan>(world.core, 'sync.plan', { full: true });
    expect(again.writes.filter((write) => write.side.kind === 'anime')).toEqual([]);
  });

  it('adds exactly the episodes AniList moved past to Trakt', async () => {
    world = await startSyncWorld({ dataDir: tempDir(), services: ['anilist', 'trakt'] });
    world.updateSettings(withTraktAnilist);
    const first = await call<RunResult>(world.core, 'sync.run', { confirm: true });
    expect(first.failed).toBe(0);
    const plan = await call<SyncPlan>(world.core, 'sync.plan', { full: true });
    const onTrakt = plan.lists.find((list) => list.side.service === 'trakt' && list.side.kind === 'anime');
    expect(onTrakt).toBeDefined();

    // A title both hold, not finished: watch two more episodes on AniList.
    const anilist = world.auth.emulators.services.anilist as AnilistService;
    const before = playCounts(world);
    const candidates = [...anilist.state.entries.values()].filter((entry) => entry.status === 'CURRENT' && (anilist.state.media.get(entry.mediaId)?.episodes ?? 0) > entry.progress + 2);
    let moved: { mediaId: number; from: number } | undefined;
    for (const entry of candidates) {
      entry.progress += 2;
      entry.updatedAt = Math.floor(Date.now() / 1000);
      const probe = await call<SyncPlan>(world.core, 'sync.plan', { full: true });
      const toTrakt = probe.writes.find((write) => write.side.service === 'trakt' && write.titleKey === `anime:anilist:${entry.mediaId}`);
      if (toTrakt) {
        moved = { mediaId: entry.mediaId, from: entry.progress - 2 };
        const run = await call<RunResult>(world.core, 'sync.run', { planId: probe.id, confirm: true });
        expect(run.failed).toBe(0);
        break;
      }
      entry.progress -= 2;
    }
    expect(moved, 'no AniList title in progress is also on Trakt in the small seed').toBeDefined();
    const after = playCounts(world);
    const added = [...after].filter(([episode, count]) => count > (before.get(episode) ?? 0)).map(([episode]) => episode);
    expect(added).toHaveLength(2);
    for (const episode of added) expect(before.get(episode) ?? 0).toBe(0);
  });
});
