import { afterEach, describe, expect, it } from 'vitest';
import type { ListBackupView, OutboxItemView, RunResult, SyncPlan } from '../../../shared/contract';
import type { AnilistService } from '../../emulators/anilist/index';
import type { MalState } from '../../emulators/mal/index';
import { useTempDirs } from '../../support/temp-dir';
import { disagreements, listState } from './emulator-state';
import { call, startSyncWorld, type SyncWorld } from './support';

const malLines = (world: SyncWorld) => listState(world.auth.emulators).mal;

describe('undo, restore and the outbox against the emulators', () => {
  const tempDir = useTempDirs();
  let world: SyncWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  async function syncedWorld(): Promise<{ world: SyncWorld; result: RunResult; before: string[]; plan: SyncPlan }> {
    world = await startSyncWorld({ dataDir: tempDir(), services: ['anilist', 'mal'] });
    const before = malLines(world);
    const plan = await call<SyncPlan>(world.core, 'sync.plan');
    const result = await call<RunResult>(world.core, 'sync.run', { planId: plan.id, confirm: true });
    expect(result.status).toBe('done');
    return { world, result, before, plan };
  }

  it('undoes one title of a run, then the rest, and leaves a title changed since as a conflict', async () => {
    const { world, result, before, plan } = await syncedWorld();
    const malWrites = plan.writes.filter((write) => write.side.service === 'mal' && write.op === 'update');
    expect(malWrites.length).toBeGreaterThan(2);
    // The title changed by hand is one whose progress the run wrote, so the undo would have to overwrite it.
    const touched = malWrites.find((write) => write.changes.some((change) => change.field === 'progress'));
    const one = malWrites.find((write) => write !== touched);

    const single = await call<RunResult>(world.core, 'sync.undo', { runId: result.runId, titleKey: one!.titleKey, confirm: true });
    expect(single).toMatchObject({ status: 'done', written: 1, conflicts: [] });

    // Someone changes a title on MAL after the run: undo must not overwrite it.
    const mal = (world.auth.emulators.services.mal as unknown as { state: MalState }).state;
    const malId = (touched!.target as { malId: number }).malId;
    const entry = mal.lists.anime.get(malId)!;
    entry.comments = 'changed by hand after the sync';
    entry.progress += 1;
    entry.updatedAt = Date.now();

    const rest = await call<RunResult>(world.core, 'sync.undo', { runId: result.runId, confirm: true });
    expect(rest.conflicts.map((conflict) => conflict.titleKey)).toContain(touched!.titleKey);
    const after = malLines(world);
    const changedByHand = after.filter((line) => line.includes('changed by hand'));
    expect(changedByHand).toHaveLength(1);
    // Everything else on MAL is back as it was before the sync.
    expect(after.filter((line) => !line.includes('changed by hand')).sort()).toEqual(before.filter((line) => !line.startsWith(`anime|${malId}|`)).sort());
  });

  it('weighs an undo against the size of each list it touches, as a sync is weighed', async () => {
    world = await startSyncWorld({ dataDir: tempDir(), services: ['anilist', 'mal'] });
    const first = await call<RunResult>(world.core, 'sync.run', { confirm: true });
    expect(first.status).toBe('done');
    // New scores on AniList for titles MAL also holds: a second run of a handful of MAL writes, a small share of its list.
    const anilist = world.auth.emulators.services.anilist as AnilistService;
    const mal = (world.auth.emulators.services.mal as unknown as { state: MalState }).state;
    const shared = [...anilist.state.entries.values()].filter((entry) => mal.lists.anime.has(anilist.state.media.get(entry.mediaId)?.idMal ?? -1));
    for (const entry of shared.slice(0, 6)) {
      entry.scoreRaw = entry.scoreRaw === 70 ? 80 : 70;
      entry.updatedAt = Math.floor(Date.now() / 1000);
    }
    const plan = await call<SyncPlan>(world.core, 'sync.plan');
    const malAnime = plan.lists.find((list) => list.side.service === 'mal' && list.side.kind === 'anime')!;
    const malWrites = plan.writes.filter((write) => write.side.service === 'mal' && write.side.kind === 'anime').length;
    expect(malWrites).toBeGreaterThanOrEqual(5);
    expect(malWrites).toBeLessThanOrEqual(0.2 * malAnime.entries);
    const second = await call<RunResult>(world.core, 'sync.run', { planId: plan.id });
    expect(second.status).toBe('done');

    // Undoing those writes is as small a share of the same list: it runs without asking.
    const undone = await call<RunResult>(world.core, 'sync.undo', { runId: second.runId! });
    expect(undone.guard.reasons).toEqual([]);
    expect(undone).toMatchObject({ status: 'done', written: malWrites });
  });

  it('restores a list whole from the backup taken before the first write', async () => {
    const { world, before } = await syncedWorld();
    const backups = await call<ListBackupView[]>(world.core, 'sync.backups');
    const malAnime = backups.find((backup) => backup.side.service === 'mal' && backup.side.kind === 'anime');
    expect(malAnime).toBeDefined();

    // A removal since: restoring puts it back.
    const mal = (world.auth.emulators.services.mal as unknown as { state: MalState }).state;
    const [firstId] = [...mal.lists.anime.keys()];
    mal.lists.anime.delete(firstId!);

    const stopped = await call<RunResult>(world.core, 'sync.restore', { backupId: malAnime!.id });
    expect(stopped.status === 'needs-confirmation' || stopped.status === 'done').toBe(true);
    const restored = await call<RunResult>(world.core, 'sync.restore', { backupId: malAnime!.id, confirm: true });
    expect(['done', 'nothing-to-do']).toContain(restored.status);
    expect(malLines(world).filter((line) => line.startsWith('anime|')).sort()).toEqual(before.filter((line) => line.startsWith('anime|')).sort());
  });

  it('sends a local edit to every list holding the title, and keeps it queued while a service fails', async () => {
    const { world } = await syncedWorld();
    const anilist = world.auth.emulators.services.anilist as AnilistService;
    const entry = [...anilist.state.entries.values()].find((candidate) => candidate.status === 'CURRENT' && anilist.state.media.get(candidate.mediaId)?.idMal)!;
    const titleKey = `anime:anilist:${entry.mediaId}`;

    const sent = await call<{ queued: number; sent: number }>(world.core, 'sync.edit', { titleKey, changes: [{ field: 'progress', value: entry.progress + 1 }] });
    expect(sent).toEqual({ queued: 2, sent: 2 });
    expect(disagreements(world.auth.emulators)).toEqual([]);
    const progress = anilist.state.entries.get(entry.id)!.progress;

    // MAL answers 503 for a while: AniList gets the edit, MAL's waits in the outbox with its error.
    world.auth.emulators.faults.add({ service: 'mal', method: 'PATCH', action: { kind: 'status', status: 503 } });
    const queued = await call<{ queued: number; sent: number }>(world.core, 'sync.edit', { titleKey, changes: [{ field: 'progress', value: progress + 1 }] });
    expect(queued.sent).toBe(1);
    const waiting = await call<OutboxItemView[]>(world.core, 'sync.outbox');
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ titleKey, field: 'progress', value: progress + 1, setAside: true, attempts: 1 });
    expect(waiting[0]!.lastError).toMatch(/503|MyAnimeList/);

    // MAL is back and the backoff has passed: the outbox goes out and empties.
    world.auth.emulators.faults.clear();
    world.core.ports.db.prepare("UPDATE sync_outbox SET next_attempt_at = '2000-01-01T00:00:00.000Z'").run();
    const flushed = await world.core.sync.engine.flushOutbox();
    expect(flushed.sent).toBe(1);
    expect(await call<OutboxItemView[]>(world.core, 'sync.outbox')).toEqual([]);
    expect(disagreements(world.auth.emulators)).toEqual([]);
  });
});
