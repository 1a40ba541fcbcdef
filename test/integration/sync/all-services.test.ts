import { afterEach, describe, expect, it } from 'vitest';
import type { RunResult, SyncPlan } from '../../../shared/contract';
import { useTempDirs } from '../../support/temp-dir';
import { disagreements } from './emulator-state';
import { call, startSyncWorld, type SyncWorld } from './support';

describe('a sync across all four services against the emulators (small seed)', () => {
  const tempDir = useTempDirs();
  let world: SyncWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('plans every default pair, runs, and the next plan is empty', { timeout: 120_000 }, async () => {
    world = await startSyncWorld({ dataDir: tempDir() });
    const plan = await call<SyncPlan>(world.core, 'sync.plan');
    expect(plan.problems).toEqual([]);
    expect([...plan.pairs].sort()).toEqual(['anilist:mal', 'anilist:plex', 'mal:plex', 'trakt:plex']);
    const services = new Set(plan.writes.map((write) => write.side.service));
    expect([...services].sort()).toEqual(expect.arrayContaining(['anilist', 'mal', 'plex']));
    // Plex's anime library is read through the ID tables: matched shows become AniList entries' progress.
    expect(plan.lists.find((list) => list.side.service === 'plex' && list.side.kind === 'anime')?.entries).toBeGreaterThan(20);
    for (const list of plan.lists) expect(list.entries, `${list.side.service} ${list.side.kind}`).toBeGreaterThan(0);

    const result = await call<RunResult>(world.core, 'sync.run', { planId: plan.id, confirm: true });
    expect(result, result.message).toMatchObject({ status: 'done', failed: 0 });
    expect(disagreements(world.auth.emulators)).toEqual([]);

    const again = await call<SyncPlan>(world.core, 'sync.plan');
    expect(again.writes.map((write) => `${write.side.service} ${write.title} ${JSON.stringify(write.changes.map((change) => [change.field, change.before, change.after]))}`)).toEqual([]);
  });
});
