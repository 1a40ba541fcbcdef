import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunResult, SyncPlan } from '../../../shared/contract';
import type { AnilistService } from '../../emulators/anilist/index';
import { useTempDirs } from '../../support/temp-dir';
import { runKizuna, spawnKizuna, waitForLine } from '../../support/run-cli';
import { fakeBrowser, startAuthWorld, type AuthWorld } from '../auth/support';
import { disagreements } from '../sync/emulator-state';

describe('kizuna sync / history / undo against the emulators', () => {
  const tempDir = useTempDirs();
  let world: AuthWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('previews, stops at the guard, runs with --yes, lists the run and undoes it', { timeout: 120_000 }, async () => {
    world = await startAuthWorld({ autoApprove: true, realTime: true });
    const dir = tempDir();
    const dataDir = join(dir, 'data');
    const servicesFile = join(dir, 'services.json');
    writeFileSync(servicesFile, JSON.stringify(world.emulators.servicesConfig));
    const env = { KIZUNA_SERVICES: servicesFile, KIZUNA_DATA_DIR: dataDir, KIZUNA_NO_BROWSER: '1' };
    expect((await runKizuna(['status'], env)).code).toBe(0);
    // Ask before any run that changes more than one entry of a list, so the guard's stop can be seen.
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ signIn: { loopbackPort: world.port }, sync: { guardEntries: 1 } }));

    const token = (world.emulators.services.anilist as AnilistService).issueToken();
    const anilist = await runKizuna(['auth', 'anilist', '--token', token], env);
    expect(anilist.code, anilist.stderr).toBe(0);
    const mal = spawnKizuna(['auth', 'mal'], env);
    const [line] = await waitForLine(mal, /Open this address in a browser to sign in to MyAnimeList: (\S+)/);
    await fakeBrowser({ decision: 'approve' }).visit(/(http\S+)/.exec(line)![1]!);
    await waitForLine(mal, /Connected MyAnimeList as \S+/);

    const dry = await runKizuna(['sync', '--dry-run', '--json'], env);
    expect(dry.code, dry.stderr).toBe(0);
    const plan = JSON.parse(dry.stdout) as SyncPlan;
    expect(plan.writes.length).toBeGreaterThan(0);
    const text = await runKizuna(['sync', '--dry-run'], env);
    expect(text.stdout).toMatch(/MyAnimeList anime: \d+ changes?/);
    expect(text.stdout).toMatch(/→/);
    const before = disagreements(world.emulators);
    expect(before.length).toBeGreaterThan(0);

    // The guard stops the run before anything is sent, and says how to go on.
    const stopped = await runKizuna(['sync'], env);
    expect(stopped.code, stopped.stderr).toBe(3);
    expect(stopped.stdout).toMatch(/Nothing was sent/);
    expect(stopped.stderr).toMatch(/kizuna sync --yes/);
    expect(disagreements(world.emulators)).toEqual(before);

    const run = await runKizuna(['sync', '--yes', '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as RunResult;
    expect(result.status).toBe('done');
    expect(disagreements(world.emulators)).toEqual([]);

    const history = await runKizuna(['history'], env);
    expect(history.stdout).toContain(result.runId!);

    const undo = await runKizuna(['undo', result.runId!, '--yes'], env);
    expect(undo.code, undo.stderr).toBe(0);
    expect(undo.stdout).toMatch(/changes? written/);
    expect(disagreements(world.emulators).sort()).toEqual([...before].sort());

    // The copies kept before the run's first writes; restoring MAL's anime list after the undo changes nothing.
    const copies = await runKizuna(['restore', '--json'], env);
    const backups = JSON.parse(copies.stdout) as Array<{ id: number; runId: string; side: { service: string; kind: string } }>;
    // The sync run's copy (the undo run kept its own, of the list as the sync left it).
    const malAnime = backups.find((backup) => backup.runId === result.runId && backup.side.service === 'mal' && backup.side.kind === 'anime');
    expect(malAnime, copies.stdout).toBeDefined();
    expect((await runKizuna(['restore'], env)).stdout).toMatch(/MyAnimeList\s+anime\s+\d+ entries/);
    const restored = await runKizuna(['restore', String(malAnime!.id), '--yes'], env);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/Everything is in step|written/);
    expect(disagreements(world.emulators).sort()).toEqual([...before].sort());
  });
});
