#!/usr/bin/env node
// `npm run bench:sync -- --seed 2k`: requests per sync against the local emulators (issue 6 item 8). Connects
// every account through the real sign-in flows, then measures a first sync, a no-op resync and a resync after
// 100 changes on AniList, counting what each emulator answered under its default limits. The last line is one
// JSON object; nothing here reaches beyond 127.0.0.1.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Command } from 'commander';
import type { RunResult } from '../shared/contract';
import type { AnilistService } from '../test/emulators/anilist/index';
import type { SeedName } from '../test/emulators/seed/world';
import { serviceNames } from '../test/emulators/start-emulators';
import { call, startSyncWorld, type SyncWorld } from '../test/integration/sync/support';

interface PhaseReport {
  requests: Record<string, number>;
  total: number;
  throttled: number;
  seconds: number;
}

async function measure(world: SyncWorld, label: string, work: () => Promise<RunResult>): Promise<PhaseReport> {
  const log = world.auth.emulators.log;
  log.clear();
  const started = performance.now();
  const result = await work();
  const seconds = Math.round((performance.now() - started) / 10) / 100;
  const requests = Object.fromEntries(serviceNames.map((name) => [name, log.forService(name).length]));
  const throttled = log.entries.filter((entry) => entry.status === 429).length;
  const total = Object.values(requests).reduce((sum, count) => sum + count, 0);
  process.stderr.write(`${label}: ${result.status}, ${result.written} written, ${result.failed} failed; ${total} requests (${JSON.stringify(requests)}), ${throttled} throttled, ${seconds} s\n`);
  // Where the requests went, busiest endpoints first: what to look at when a figure grows.
  const byLabel = new Map<string, number>();
  for (const entry of log.entries) byLabel.set(`${entry.service} ${entry.label}`, (byLabel.get(`${entry.service} ${entry.label}`) ?? 0) + 1);
  const busiest = [...byLabel].sort((a, b) => b[1] - a[1]).slice(0, 8);
  process.stderr.write(`  busiest: ${busiest.map(([label, count]) => `${label} ×${count}`).join(', ')}\n`);
  return { requests, total, throttled, seconds };
}

/** 100 entries changed on AniList as a person would (progress +1, or a new score where the episodes are all seen). */
function changeHundred(world: SyncWorld): void {
  const anilist = world.auth.emulators.services.anilist as AnilistService;
  const now = Math.floor(Date.now() / 1000) + 1;
  const entries = [...anilist.state.entries.values()].sort((a, b) => a.id - b.id).slice(0, 100);
  for (const entry of entries) {
    const media = anilist.state.media.get(entry.mediaId);
    const total = media?.type === 'ANIME' ? media.episodes : media?.chapters;
    if (total === null || total === undefined || entry.progress < total) entry.progress += 1;
    else entry.scoreRaw = entry.scoreRaw >= 90 ? 60 : entry.scoreRaw + 10;
    entry.updatedAt = now;
  }
}

async function main(): Promise<void> {
  const options = new Command()
    .option('--seed <seed>', 'emulator seed: small, 2k or 10k', '2k')
    .parse()
    .opts<{ seed: SeedName }>();
  const dataDir = mkdtempSync(join(tmpdir(), 'kizuna-bench-sync-'));
  const started = performance.now();
  const world = await startSyncWorld({ dataDir, seed: options.seed });
  process.stderr.write(`bench:sync: ${options.seed} seed, accounts connected in ${Math.round(performance.now() - started)} ms\n`);
  try {
    const first = await measure(world, 'first sync', () => call<RunResult>(world.core, 'sync.run', { confirm: true }));
    const noop = await measure(world, 'no-op resync', () => call<RunResult>(world.core, 'sync.run', { confirm: true }));
    changeHundred(world);
    const changes = await measure(world, '100 changes', () => call<RunResult>(world.core, 'sync.run', { confirm: true }));
    process.stdout.write(`${JSON.stringify({ first_sync: first, noop_resync: noop, changes_100: changes })}\n`);
  } finally {
    await world.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:sync failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
