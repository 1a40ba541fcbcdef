import { vi } from 'vitest';
import type { ScheduleSettings, SyncRunReason, SyncSchedulerDeps, SyncSchedulerStatus } from '../../../../../main/sync/schedule';

/**
 * A wall clock and timers the test moves by hand. Timers here, like real ones, know nothing of the wall
 * clock: `sleep` moves the wall clock without firing anything, as a laptop lid does.
 */
export class FakeClock {
  private timers: { id: number; at: number; fn: () => void }[] = [];
  private nextId = 1;
  /** Every delay asked for, to check that no single wait is longer than a step. */
  readonly delays: number[] = [];

  constructor(public time: number) {}

  now = (): number => this.time;

  setTimer = (fn: () => void, ms: number): number => {
    const id = this.nextId++;
    this.delays.push(ms);
    this.timers.push({ id, at: this.time + ms, fn });
    return id;
  };

  clearTimer = (id: number): void => {
    this.timers = this.timers.filter((timer) => timer.id !== id);
  };

  get pending(): number {
    return this.timers.length;
  }

  /** Time passes with the machine awake: timers fire in order, each at its own time. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await settle();
      const next = [...this.timers].sort((a, b) => a.at - b.at)[0];
      if (!next || next.at > end) break;
      this.timers = this.timers.filter((timer) => timer !== next);
      this.time = Math.max(this.time, next.at);
      next.fn();
    }
    this.time = end;
    await settle();
  }

  /** The machine sleeps: the wall clock jumps, timers stay where they were (they fire after waking). */
  sleep(ms: number): void {
    this.time += ms;
  }

  /** After a sleep, the next pending timer fires with the wall clock left where it is. */
  async fireNext(): Promise<void> {
    const next = [...this.timers].sort((a, b) => a.at - b.at)[0];
    if (!next) throw new Error('no timer pending');
    this.timers = this.timers.filter((timer) => timer !== next);
    next.fn();
    await settle();
  }
}

/** Lets every pending promise callback run (a macrotask comes after all queued microtasks). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** Deps around a FakeClock, with a run that records its reasons and settings the test can change. */
export function fakeDeps(clock: FakeClock, options: { schedule?: Partial<ScheduleSettings>; lastRun?: string | null } = {}) {
  const schedule: ScheduleSettings = { paused: false, intervalMinutes: 60, cron: '', ...options.schedule };
  const state = { lastRun: options.lastRun ?? null };
  const reasons: SyncRunReason[] = [];
  const statuses: SyncSchedulerStatus[] = [];
  const logger = { log: vi.fn(), debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const deps = {
    now: clock.now,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
    settings: () => ({ ...schedule }),
    lastRun: {
      get: () => state.lastRun,
      set: (iso: string) => {
        state.lastRun = iso;
      },
    },
    run: vi.fn(async (reason: SyncRunReason) => {
      reasons.push(reason);
    }),
    logger,
    onChange: (status: SyncSchedulerStatus) => {
      statuses.push(status);
    },
  } satisfies SyncSchedulerDeps<number>;
  return { deps, schedule, state, reasons, statuses, logger };
}
