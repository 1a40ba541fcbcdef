import { afterEach, describe, expect, it } from 'vitest';
import type { RunResult, SyncPlan } from '../../../shared/contract';
import { useTempDirs } from '../../support/temp-dir';
import { disagreements, listState } from './emulator-state';
import { call, startSyncWorld, type SyncWorld } from './support';

describe('AniList ⇄ MyAnimeList sync against the emulators', () => {
  const tempDir = useTempDirs();
  let world: SyncWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('previews, runs, then finds nothing left to do', async () => {
    world = await startSyncWorld({ dataDir: tempDir(), services: ['anilist', 'mal'] });
    const before = listState(world.auth.emulators);
    expect(disagreements(world.auth.emulators).length).toBeGreaterThan(0);
    const plan = await call<SyncPlan>(world.core, 'sync.plan');
    expect(plan.problems).toEqual([]);
    expect(plan.pairs).toEqual(['anilist:mal']);
    expect(plan.writes.length).toBeGreaterThan(0);
    // A preview writes nothing.
    expect(listState(world.auth.emulators)).toEqual(before);

    const result = await call<RunResult>(world.core, 'sync.run', { planId: plan.id, confirm: true });
    expect(result, result.message).toMatchObject({ status: 'done', failed: 0 });
    expect(result.written).toBe(plan.writes.length);

    expect(disagreements(world.auth.emulators)).toEqual([]);

    const again = await call<SyncPlan>(world.core, 'sync.plan');
    expect(again.writes).toEqual([]);
    const full = await call<SyncPlan>(world.core, 'sync.plan', { full: true });
    expect(full.writes).toEqual([]);
  });
});
