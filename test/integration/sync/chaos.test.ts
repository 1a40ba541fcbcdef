import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../../shared/contract';
import { seededRandom } from '../../emulators/common/random';
import type { RunningEmulators } from '../../emulators/start-emulators';
import { useTempDirs } from '../../support/temp-dir';
import { applyEdits, describeEdit, planEdits } from './chaos-edits';
import { createKillSwitch, fastPacing } from './chaos-network';
import { faultyRound, referenceRound } from './chaos-rounds';
import { watchWrites } from './chaos-writes';
import { disagreements, listState } from './emulator-state';
import { call, startSyncWorld, type SyncWorld } from './support';

/**
 * Issue 6 item 7: the chaos test. Two worlds on the 2k seed, AniList and MAL only (the Plex and Trakt sides
 * are left out here): F gets random faults (429, 5xx, timeouts, resets, cut and spoiled answers, an expired
 * MAL token) and kills (the process dies before or after a request and restarts on the same data), R none.
 * Each round the same edits go into both worlds' lists; after F has settled, every emulator must hold what R's
 * hold, no write may be missing, and none may have been applied again after a newer one. CHAOS_ROUNDS sets the
 * number of rounds (200 by default).
 */

const ROUNDS = Number(process.env.CHAOS_ROUNDS ?? 200);
/** Chance that a request of F's fails, per request. */
const FAULT_PROBABILITY = 0.1;
const LIMITS = { anilist: { perMinute: 100_000, timeoutSeconds: 1 } };

interface Totals {
  rounds: number;
  faults: Record<string, number>;
  kills: number;
  killPoints: Record<string, number>;
  attempts: number;
  errors: number;
  quietRounds: number;
  unreadLists: number;
  writesF: number;
  writesR: number;
  repeatsF: number;
  repeatsR: number;
  edits: number;
}

function countFaults(emulators: RunningEmulators, into: Record<string, number>): void {
  for (const entry of emulators.log.entries) {
    if (!entry.fault) continue;
    const key = entry.fault === 'status' ? `status ${entry.status}` : entry.fault;
    into[key] = (into[key] ?? 0) + 1;
  }
}

function journalProblems(world: SyncWorld): string[] {
  const db = world.core.ports.db;
  const problems: string[] = [];
  for (const row of db.prepare<[], { run_id: string; write_id: string; n: number }>("SELECT run_id, write_id, count(*) AS n FROM sync_journal WHERE state = 'done' GROUP BY run_id, write_id HAVING n > 1").all()) {
    problems.push(`run ${row.run_id}: write ${row.write_id} done ${row.n} times`);
  }
  for (const row of db.prepare<[], { id: string; kind: string; status: string }>("SELECT id, kind, status FROM sync_runs WHERE status IN ('running', 'interrupted')").all()) {
    problems.push(`run ${row.id} (${row.kind}) left ${row.status}`);
  }
  for (const row of db.prepare<[], { run_id: string; write_id: string; state: string }>("SELECT run_id, write_id, state FROM sync_journal WHERE state IN ('pending', 'sent')").all()) {
    problems.push(`run ${row.run_id}: write ${row.write_id} left ${row.state}`);
  }
  return problems;
}

/** This round's journal in F, for the titles that differ: which runs wrote what (the diagnosis starts here). */
function journalOf(world: SyncWorld, since: string, ids: ReadonlySet<string>): string[] {
  const rows = world.core.ports.db
    .prepare<[string], { kind: string; status: string; run_id: string; service: string; title_key: string; state: string; before: string | null; after: string; started_at: string }>(
      `SELECT r.kind, r.status, j.run_id, j.service, j.title_key, j.state, j.before, j.after, r.started_at FROM sync_journal j JOIN sync_runs r ON r.id = j.run_id
       WHERE r.started_at >= ? ORDER BY r.started_at, j.id`,
    )
    .all(since);
  return rows
    .filter((row) => ids.has(row.title_key.split(':').at(-1) ?? ''))
    .map((row) => `${row.started_at} ${row.kind}/${row.status} run ${row.run_id.slice(0, 8)} ${row.service} ${row.title_key} ${row.state} before ${row.before ?? 'none'} after ${row.after}`);
}

function difference(a: readonly string[], b: readonly string[]): string[] {
  const left = new Set(a);
  const right = new Set(b);
  return [...a.filter((line) => !right.has(line)).map((line) => `F only: ${line}`), ...b.filter((line) => !left.has(line)).map((line) => `R only: ${line}`)];
}

describe('chaos: random faults and kills during AniList ⇄ MAL syncs end where a fault-free run does', () => {
  const tempDir = useTempDirs();
  let restorePacing: (() => void) | undefined;
  const worlds: SyncWorld[] = [];
  beforeAll(() => {
    restorePacing = fastPacing();
  });
  afterAll(async () => {
    await Promise.all(worlds.map((world) => world.close()));
    restorePacing?.();
  });

  it(`${ROUNDS} seeded rounds on the 2k seed`, async () => {
    const started = performance.now();
    const killF = createKillSwitch({ timeoutMs: 2_000 });
    const killR = createKillSwitch({ timeoutMs: 2_000 });
    const [F, R] = await Promise.all([
      startSyncWorld({ dataDir: tempDir(), seed: '2k', services: ['anilist', 'mal'], limits: LIMITS, makeFetch: () => killF.makeFetch() }),
      startSyncWorld({ dataDir: tempDir(), seed: '2k', services: ['anilist', 'mal'], limits: LIMITS, makeFetch: () => killR.makeFetch() }),
    ]);
    worlds.push(F, R);
    const watchF = watchWrites(F.auth.emulators);
    const watchR = watchWrites(R.auth.emulators);

    const [firstF, firstR] = await Promise.all([call<RunResult>(F.core, 'sync.run', { confirm: true }), call<RunResult>(R.core, 'sync.run', { confirm: true })]);
    expect(firstR, firstR.message).toMatchObject({ status: 'done', failed: 0 });
    expect(firstF, firstF.message).toMatchObject({ status: 'done', failed: 0 });
    expect(listState(F.auth.emulators)).toEqual(listState(R.auth.emulators));
    const setup = performance.now() - started;

    const totals: Totals = { rounds: 0, faults: {}, kills: 0, killPoints: {}, attempts: 0, errors: 0, quietRounds: 0, unreadLists: 0, writesF: 0, writesR: 0, repeatsF: 0, repeatsR: 0, edits: 0 };
    const referenceDisagreed = new Set(disagreements(R.auth.emulators));
    for (let round = 1; round <= ROUNDS; round++) {
      const random = seededRandom(`kizuna-chaos-${round}`);
      const edits = planEdits(random, R.auth.emulators);
      applyEdits(F.auth.emulators, edits);
      applyEdits(R.auth.emulators, edits);
      totals.edits += edits.length;
      for (const world of [F, R]) world.auth.emulators.log.clear();
      watchF.startRound();
      watchR.startRound();
      const roundStart = new Date(Date.now() - 1_000).toISOString();

      const [reference, faulty] = await Promise.all([
        referenceRound(R),
        faultyRound({ world: F, kill: killF, random, seed: round, probability: FAULT_PROBABILITY, faultyAttempts: 6, quietAttempts: 4 }),
      ]);

      countFaults(F.auth.emulators, totals.faults);
      totals.rounds += 1;
      totals.kills += faulty.kills.length;
      for (const what of faulty.kills) totals.killPoints[what.split(' ').slice(0, 2).join(' ')] = (totals.killPoints[what.split(' ').slice(0, 2).join(' ')] ?? 0) + 1;
      totals.attempts += faulty.attempts;
      totals.errors += faulty.errors.length;
      totals.unreadLists += faulty.unreadLists;
      if (process.env.CHAOS_PROGRESS) process.stderr.write(`round ${round}: ${edits.length} edits, ${faulty.attempts} attempts, ${faulty.kills.length} kills, ${Math.round((performance.now() - started) / 1000)} s\n`);
      if (faulty.quietAttempts > 0) totals.quietRounds += 1;
      totals.writesF += watchF.applied.length;
      totals.writesR += watchR.applied.length;
      totals.repeatsF += watchF.applied.filter((write) => write.status < 300 && write.changed.size === 0).length;
      totals.repeatsR += watchR.applied.filter((write) => write.status < 300 && write.changed.size === 0).length;

      const stateF = listState(F.auth.emulators);
      const stateR = listState(R.auth.emulators);
      const disagreeR = new Set(disagreements(R.auth.emulators));
      const problems = [
        ...(reference.status === 'done' || reference.status === 'nothing-to-do' ? [] : [`reference run: ${reference.status}: ${reference.message}`]),
        ...(faulty.settled ? [] : [`F did not settle in ${faulty.attempts} attempts: ${faulty.last?.status ?? 'no result'} ${faulty.last?.message ?? ''} ${faulty.errors.join(' / ')}`]),
        ...difference(stateF.anilist, stateR.anilist).map((line) => `anilist ${line}`),
        ...difference(stateF.mal, stateR.mal).map((line) => `mal ${line}`),
        ...disagreements(F.auth.emulators)
          .filter((line) => !referenceDisagreed.has(line) && !disagreeR.has(line))
          .map((line) => `F disagrees where R does not: ${line}`),
        ...watchF.revisits().map((line) => `F went back to an earlier state (an old write applied again): ${line}`),
        ...watchR.revisits().map((line) => `R went back to an earlier state: ${line}`),
        ...journalProblems(F).map((line) => `F journal: ${line}`),
      ];
      if (problems.length > 0) {
        const report = [
          `chaos round ${round} (seed "kizuna-chaos-${round}", fault seed ${round}) failed:`,
          ...problems.map((line) => `  ${line}`),
          `edits:`,
          ...edits.map((edit) => `  ${describeEdit(edit)}`),
          `F: ${faulty.attempts} attempts, kills: ${faulty.kills.join('; ') || 'none'}, errors: ${faulty.errors.join(' / ') || 'none'}`,
          `F last run: ${JSON.stringify(faulty.last)}`,
          `F journal this round, for the titles that differ (MAL lines name MAL ids; AniList keys hold AniList ids):`,
          ...journalOf(F, roundStart, new Set(problems.flatMap((line) => [...line.matchAll(/\b(\d{3,})\b/g)].map((match) => match[1] ?? '')))).map((line) => `  ${line}`),
          `F requests: ${F.auth.emulators.log.entries.map((entry) => `${entry.service} ${entry.label} ${entry.status}${entry.fault ? ` (${entry.fault})` : ''}`).join(', ')}`,
          `F faults this round: ${JSON.stringify(F.auth.emulators.log.entries.filter((entry) => entry.fault).map((entry) => `${entry.fault} ${entry.status} ${entry.method} ${entry.path}`))}`,
        ].join('\n');
        process.stderr.write(`${report}\nchaos so far: ${JSON.stringify({ ...totals, seconds: Math.round((performance.now() - started) / 1000) })}\n`);
        expect.fail(report);
      }
    }

    const seconds = Math.round((performance.now() - started) / 100) / 10;
    process.stderr.write(`chaos: ${JSON.stringify({ ...totals, seconds, setupSeconds: Math.round(setup / 100) / 10 })}\n`);
    expect(totals.rounds).toBe(ROUNDS);
  }, 60 * 60_000);
});
