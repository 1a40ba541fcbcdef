import { afterEach, describe, expect, it } from 'vitest';
import type { SyncPlan } from '../../../shared/contract';
import { itemKeysOf } from '../../../main/mapping/overrides/item-keys';
import { saveOverride } from '../../../main/mapping/overrides/override-store';
import { useTempDirs } from '../../support/temp-dir';
import { call, startSyncWorld, type SyncWorld } from './support';

/**
 * The person's decisions beat every table in the sync itself, not only in the review queue: a season the
 * tables match is left alone once ignored, and a link with an episode range replaces the tables' answer.
 */
describe('overrides in the sync (emulators, small seed)', () => {
  const tempDir = useTempDirs();
  let world: SyncWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('drops an ignored Plex season from the Plex list, and reads a linked one as the chosen entry and episodes', async () => {
    world = await startSyncWorld({ dataDir: tempDir(), services: ['anilist', 'plex'] });
    const plexEntries = (plan: SyncPlan) => plan.lists.find((list) => list.side.service === 'plex' && list.side.kind === 'anime')?.entries ?? 0;
    const before = await call<SyncPlan>(world.core, 'sync.plan');
    const query = { type: 'show' as const, title: 'Attack on Titan', season: 1, guids: ['tvdb://267440'] };
    const tables = world.core.matching.resolve(query);
    expect(tables.status).toBe('matched');
    const itemKey = itemKeysOf(query)[0]!;

    saveOverride(world.core.ports.db, { itemKey, kind: 'ignore', anilistId: null, episodes: null, label: 'Attack on Titan season 1' });
    expect(world.core.matching.resolve(query).status).toBe('ignored');
    const ignored = await call<SyncPlan>(world.core, 'sync.plan');
    expect(plexEntries(ignored)).toBeLessThan(plexEntries(before));

    world.core.ports.db.prepare('DELETE FROM match_overrides').run();
    saveOverride(world.core.ports.db, { itemKey, kind: 'link', anilistId: 99999, episodes: { start: 1, end: 3 }, label: 'Attack on Titan season 1' });
    expect(world.core.matching.resolve(query)).toMatchObject({ status: 'matched', anilistIds: [99999], candidates: [{ anilistId: 99999, episodes: [{ start: 1, end: 3 }] }] });
  });
});
