import type { Logger } from '../../app/ports';
import { nextRunAt, usesCron, type ScheduleSettings } from './next-run';

/**
 * Runs the sync engine on the user's schedule (settings.schedule), in every host: the Electron app and
 * `kizuna serve` create one; the tray's "Sync now" and `kizuna sync` call the same engine directly.
 *
 * Everything with a side effect comes in as a dependency (clock, timers, settings, where the last run is
 * kept, the network check), so the tests drive it with a fake clock and never wait.
 */

/** 'catch-up': the run is late (the machine slept, was offline, paused or not running at the due time). */
export type SyncRunReason = 'schedule' | 'catch-up';

export interface SyncSchedulerStatus {
  /** settings.schedule.paused, read when the status is made, so it never disagrees with the settings. */
  paused: boolean;
  /** A scheduled run is in progress. */
  running: boolean;
  /** When the next run is due (may be in the past while paused or waiting for the network); null when stopped. */
  nextRunAt: string | null;
  lastRunAt: string | null;
  /** A run is due, but `online` says there is no network: it runs when the network is back. */
  waitingForNetwork: boolean;
}

export interface SyncSchedulerDeps<H = unknown> {
  /** Wall-clock time in milliseconds (Date.now in the app). */
  now(): number;
  setTimer(fn: () => void, ms: number): H;
  clearTimer(handle: H): void;
  settings(): ScheduleSettings;
  /** When the last scheduled run finished, as an ISO string; the app keeps it in app_state. */
  lastRun: { get(): string | null; set(iso: string): void };
  run(reason: SyncRunReason): Promise<unknown>;
  /** Whether the services can be reached; without it every due run is attempted. */
  online?(): Promise<boolean>;
  logger?: Logger;
  onChange?(status: SyncSchedulerStatus): void;
}

export interface SyncScheduler {
  start(): void;
  stop(): void;
  /** Call after writing settings.schedule.paused = true. */
  pause(): void;
  /** Call after writing settings.schedule.paused = false; a run missed while paused starts at once. */
  resume(): void;
  /** Call after any change to settings.schedule. */
  settingsChanged(): void;
  /** Call when the machine resumes from sleep or the network comes back. */
  wake(): void;
  status(): SyncSchedulerStatus;
}

/**
 * The longest single timer. Timers count time the process ran, not wall-clock time: on most systems the
 * clock behind them stops while the machine sleeps, so one 5-hour timer set before a 3-hour sleep would
 * fire 3 hours late. Waiting in steps of at most a minute, each comparing the wall clock to the due time,
 * notices a sleep within a minute of waking even when the host never calls wake().
 */
export const MAX_STEP_MS = 60_000;

/** A run this much later than its due time was missed (slept through), not merely a slow timer. */
const LATE_MS = 60_000;

export function createSyncScheduler<H>(deps: SyncSchedulerDeps<H>): SyncScheduler {
  const logger = deps.logger;
  let started = false;
  /** The base for the first due time when nothing has ever run: a fresh install waits one interval. */
  let startedAt = 0;
  /** The last run we finished, in case the store behind lastRun fails to keep it (else we would loop). */
  let ranAt: number | null = null;
  let timer: { handle: H } | null = null;
  /** An online check or a run is in progress: nothing else may start one. */
  let busy = false;
  let running = false;
  let waitingForNetwork = false;
  /** Set by start, resume and wake: if the due time has already passed then, the run is a catch-up. */
  let catchUp = false;
  let lastNotified: string | null = null;
  let warnedCron: string | null = null;

  function lastRunMs(now: number): number | null {
    const stored = deps.lastRun.get();
    let parsed = stored ? Date.parse(stored) : NaN;
    // A last run in the future (the clock was wrong then) would hold off syncing until that date.
    if (Number.isFinite(parsed) && parsed > now + LATE_MS) parsed = NaN;
    const known = Number.isFinite(parsed) ? parsed : null;
    if (ranAt === null) return known;
    return known === null ? ranAt : Math.max(known, ranAt);
  }

  function dueAt(settings: ScheduleSettings, now: number): number {
    return nextRunAt(settings, new Date(lastRunMs(now) ?? startedAt)).getTime();
  }

  function status(): SyncSchedulerStatus {
    const settings = deps.settings();
    return {
      paused: settings.paused,
      running,
      nextRunAt: started ? new Date(dueAt(settings, deps.now())).toISOString() : null,
      lastRunAt: deps.lastRun.get(),
      waitingForNetwork,
    };
  }

  function notify(): void {
    if (!deps.onChange) return;
    const current = status();
    const key = JSON.stringify(current);
    if (key === lastNotified) return;
    lastNotified = key;
    try {
      deps.onChange(current);
    } catch (error) {
      logger?.warn('Schedule status listener failed', { error: describe(error) });
    }
  }

  function clear(): void {
    if (timer) deps.clearTimer(timer.handle);
    timer = null;
  }

  function wait(ms: number): void {
    clear();
    // The token makes a stale callback harmless even if clearTimer missed it.
    const token: { handle: H } = { handle: undefined as H };
    token.handle = deps.setTimer(() => {
      if (timer !== token) return;
      timer = null;
      kick();
    }, Math.max(0, ms));
    timer = token;
  }

  /** Look at the clock now; never throws, and keeps the schedule alive if a dependency did. */
  function kick(): void {
    if (busy) return notify();
    clear();
    tick().catch((error: unknown) => {
      logger?.error('Sync schedule step failed; trying again in a minute', { error: describe(error) });
      if (started && !busy && !timer) wait(MAX_STEP_MS);
    });
  }

  async function tick(): Promise<void> {
    if (!started || busy) return notify();
    const settings = deps.settings();
    if (settings.paused) {
      // Paused: keep stepping without running, so the status stays current and a resume written to the
      // settings is noticed within a step even if the host forgets to call resume().
      waitingForNetwork = false;
      wait(MAX_STEP_MS);
      return notify();
    }
    const now = deps.now();
    const due = dueAt(settings, now);
    if (now < due) {
      catchUp = false;
      waitingForNetwork = false;
      wait(Math.min(MAX_STEP_MS, due - now));
      return notify();
    }
    busy = true;
    const offline = await runIfOnline(due).finally(() => {
      busy = false;
      running = false;
    });
    if (offline && started && !deps.settings().paused) {
      // Ask again at the next step; wake() cuts the wait short when the host sees the network return.
      wait(MAX_STEP_MS);
      return notify();
    }
    // Computes the next due time and waits for it (or notes a pause or stop that came meanwhile).
    return tick();
  }

  /** Runs the sync that was due at `due`, unless offline (returns true) or stopped or paused meanwhile. */
  async function runIfOnline(due: number): Promise<boolean> {
    if (!(await isOnline())) {
      if (!waitingForNetwork) logger?.info('A sync is due but the network is down; it runs when the network is back');
      waitingForNetwork = true;
      return true;
    }
    // stop() or pause() may have come while we asked about the network.
    if (!started || deps.settings().paused) return false;
    const reason: SyncRunReason = catchUp || waitingForNetwork || deps.now() - due > LATE_MS ? 'catch-up' : 'schedule';
    catchUp = false;
    waitingForNetwork = false;
    running = true;
    notify();
    logger?.info('Scheduled sync starting', { reason, dueAt: new Date(due).toISOString() });
    try {
      await deps.run(reason);
    } catch (error) {
      // One failed run must not end the schedule: the next one may well succeed.
      logger?.error('Scheduled sync failed; the schedule goes on', { reason, error: describe(error) });
    }
    // Counted from the end of the run, so a run longer than the interval is not followed by another at once.
    ranAt = deps.now();
    try {
      deps.lastRun.set(new Date(ranAt).toISOString());
    } catch (error) {
      logger?.warn('Could not record the last sync time', { error: describe(error) });
    }
    return false;
  }

  async function isOnline(): Promise<boolean> {
    if (!deps.online) return true;
    try {
      return await deps.online();
    } catch (error) {
      // Unsure is treated as online: the run finds out for itself, and its failure is logged.
      logger?.debug('Network check failed; trying the sync anyway', { error: describe(error) });
      return true;
    }
  }

  /** A cron expression the scheduler ignores (hand-edited settings) is worth one line in the log. */
  function warnIgnoredCron(): void {
    const { cron } = deps.settings();
    if (cron.trim() === '' || warnedCron === cron || usesCron(deps.settings())) return;
    warnedCron = cron;
    logger?.warn('The schedule cron expression is not usable; syncing on the interval instead', { cron });
  }

  function checkPaused(expected: boolean, call: string): void {
    if (deps.settings().paused !== expected) {
      logger?.warn(`${call}() called but settings.schedule.paused is ${String(!expected)}; following the settings`);
    }
  }

  return {
    start() {
      if (started) return;
      started = true;
      startedAt = deps.now();
      catchUp = true;
      warnIgnoredCron();
      kick();
    },
    stop() {
      started = false;
      waitingForNetwork = false;
      clear();
      notify();
    },
    pause() {
      checkPaused(true, 'pause');
      kick();
    },
    resume() {
      checkPaused(false, 'resume');
      catchUp = true;
      kick();
    },
    settingsChanged() {
      warnIgnoredCron();
      kick();
    },
    wake() {
      catchUp = true;
      kick();
    },
    status,
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
