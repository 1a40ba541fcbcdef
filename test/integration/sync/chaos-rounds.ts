import type { RunResult } from '../../../shared/contract';
import type { FaultAction } from '../../emulators/common/faults';
import { pick, randomInt, type Random } from '../../emulators/common/random';
import type { KillSwitch } from './chaos-network';
import { call, type SyncWorld } from './support';

/**
 * One round of the faulty world: sync until the lists are settled while faults and kills happen, the way the
 * app would: each attempt first sends what waits in the outbox (as the scheduler does), then runs a sync; a
 * kill (the process dies mid-request) is followed by a restart on the same data, whose next sync resumes the
 * interrupted run before planning anything new.
 */

/** Every kind of fault; CHAOS_WITHOUT=malformed,expire-token leaves kinds out (to bisect a failure; the rounds' edits stay the same). */
const allFaultActions: readonly FaultAction[] = [
  { kind: 'rate-limited' },
  { kind: 'rate-limited' },
  { kind: 'status', status: 500 },
  { kind: 'status', status: 502 },
  { kind: 'status', status: 503 },
  { kind: 'status', status: 503 },
  { kind: 'status', status: 504 },
  { kind: 'timeout' },
  { kind: 'reset' },
  { kind: 'reset' },
  { kind: 'truncate' },
  { kind: 'truncate' },
  { kind: 'malformed' },
];
const without = new Set((process.env.CHAOS_WITHOUT ?? '').split(',').filter(Boolean));
export const faultActions: readonly FaultAction[] = allFaultActions.filter((action) => !without.has(action.kind));

export interface RoundReport {
  attempts: number;
  kills: string[];
  errors: string[];
  /** Attempts made with the faults switched off because the faulty ones did not settle. */
  quietAttempts: number;
  /** Lists a plan could not read (the run went on without them). */
  unreadLists: number;
  settled: boolean;
  last: RunResult | null;
}

export interface FaultyRoundOptions {
  world: SyncWorld;
  kill: KillSwitch;
  random: Random;
  seed: number;
  probability: number;
  /** Attempts with faults on, then (only if still unsettled) attempts with faults off. */
  faultyAttempts: number;
  quietAttempts: number;
}

type Outcome = { kind: 'result'; result: RunResult } | { kind: 'error'; error: Error } | { kind: 'killed'; what: string };

/** The outbox waits a minute and more after a failure; the round cannot, so its clock is moved on: every set-aside item is due now. */
function outboxDueNow(world: SyncWorld): void {
  world.core.ports.db.prepare("UPDATE sync_outbox SET next_attempt_at = '2000-01-01T00:00:00.000Z' WHERE set_aside = 1").run();
}

function outboxCount(world: SyncWorld): number {
  return world.core.ports.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM sync_outbox').get()?.n ?? 0;
}

/** A list the plan could not read is left out of the run (planner.ts); the run still says "done". */
const unreadList = (line: string) => line.includes('a list could not be read for the plan');

async function attempt(world: SyncWorld, kill: KillSwitch): Promise<Outcome> {
  const killed = kill.fired().then((what): Outcome => ({ kind: 'killed', what }));
  const work = (async (): Promise<Outcome> => {
    outboxDueNow(world);
    await world.core.sync.engine.flushOutbox();
    const result = await call<RunResult>(world.core, 'sync.run', { confirm: true });
    if (outboxCount(world) > 0) {
      outboxDueNow(world);
      await world.core.sync.engine.flushOutbox();
    }
    return { kind: 'result', result };
  })().catch((error: unknown): Outcome => ({ kind: 'error', error: error as Error }));
  return Promise.race([work, killed]);
}

export async function faultyRound(options: FaultyRoundOptions): Promise<RoundReport> {
  const { world, kill, random } = options;
  const faults = world.auth.emulators.faults;
  faults.clear();
  // The token refresh itself is spared, as the kill switch spares it (chaos-network.ts): a refresh MAL applied
  // whose answer was lost has spent the refresh token, and the right outcome is "sign in again" (the account is
  // marked so), which no fault-free run can be compared with. Expired tokens still happen (the rule below).
  faults.setRandom({ seed: options.seed, probability: options.probability, actions: [...faultActions], services: ['anilist', 'mal'], sparePaths: /\/oauth2?\/token|\/token$/ });
  // MAL's access token runs out mid-round now and then; the client refreshes it (AniList tokens cannot be refreshed: a person signs in again).
  if (random() < 0.3 && !without.has('expire-token')) faults.add({ service: 'mal', after: randomInt(random, 0, 20), times: 1, action: { kind: 'expire-token' } });
  if (random() < 0.35) kill.arm({ count: random() < 0.6 ? 'write' : 'request', at: randomInt(random, 1, 20), mode: pick(random, ['before', 'after'] as const) });

  const report: RoundReport = { attempts: 0, kills: [], errors: [], quietAttempts: 0, unreadLists: 0, settled: false, last: null };
  try {
    for (let n = 0; n < options.faultyAttempts + options.quietAttempts; n++) {
      if (n === options.faultyAttempts) faults.clear();
      if (n >= options.faultyAttempts) report.quietAttempts += 1;
      report.attempts += 1;
      const logged = world.logLines.length;
      const outcome = await attempt(world, kill);
      const unread = world.logLines.slice(logged).filter(unreadList).length;
      if (unread > 0) report.unreadLists += unread;
      if (outcome.kind === 'killed') {
        report.kills.push(outcome.what);
        world.restart();
        // Sometimes the restarted process dies too, early on: while it resumes the interrupted run.
        if (report.kills.length === 1 && random() < 0.3) kill.arm({ count: 'request', at: randomInt(random, 1, 6), mode: pick(random, ['before', 'after'] as const) });
        continue;
      }
      if (outcome.kind === 'error') {
        report.errors.push(outcome.error.message);
        continue;
      }
      report.last = outcome.result;
      const { status, failed } = outcome.result;
      if ((status === 'done' || status === 'nothing-to-do') && failed === 0 && unread === 0 && outboxCount(world) === 0) {
        report.settled = true;
        break;
      }
    }
  } finally {
    kill.arm(null);
    faults.clear();
  }
  return report;
}

/** The reference world: one fault-free sync, which must go through whole. */
export async function referenceRound(world: SyncWorld): Promise<RunResult> {
  return call<RunResult>(world.core, 'sync.run', { confirm: true });
}
