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

    const log = world.auth.emulators.log;
    log.clear();
    const again = await call<SyncPlan>(world.core, 'sync.plan');
    expect(again.writes).toEqual([]);
    // The run stored the lists as it left them: the next plan asks only whether they changed since.
    const asked = log.entries.map((entry) => `${entry.service} ${entry.label} ${entry.path}`);
    expect(asked.filter((label) => label.includes('MediaListCollection') || label.includes('limit=1000')), asked.join('\n')).toEqual([]);
    expect(asked.length, asked.join('\n')).toBeLessThanOrEqual(6);
    const full = await call<SyncPlan>(world.core, 'sync.plan', { full: true });
    expect(full.writes).toEqual([]);
  });
});
