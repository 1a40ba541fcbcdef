import type { Settings } from '../../../shared/contract';
import { cronRunAfter, MIN_SYNC_GAP_MINUTES, validateCron } from './cron-expression';

/** settings.schedule: paused, intervalMinutes, and cron ('' means use the interval). */
export type ScheduleSettings = Settings['schedule'];

/** What decides when the next run is; pausing does not move it. */
export type ScheduleTiming = Pick<ScheduleSettings, 'intervalMinutes' | 'cron'>;

/** Used when the interval is not a usable number (the settings reader should never let that through). */
const FALLBACK_INTERVAL_MINUTES = 60;
const MAX_INTERVAL_MINUTES = 24 * 60;

/**
 * When the next scheduled sync is due, counted from `from`: the last run (or, before the first run, the
 * moment the scheduler started).
 *
 * - Interval: `from` plus the interval, so runs are spaced by the interval however long each run takes.
 * - Cron: the first time after `from` that the expression fires. Counting from the last run rather than
 *   from now is what makes a missed time (the laptop was asleep at 08:00) come out as already due.
 *
 * A cron expression that validateCron refuses (only possible by editing the settings file by hand) is
 * ignored in favour of the interval: syncing on the interval is closer to what the user wanted than
 * never syncing, or syncing every minute.
 */
export function nextRunAt(schedule: ScheduleTiming, from: Date): Date {
  const byCron = cronRunAfter(schedule.cron, from);
  if (byCron) return byCron;
  return new Date(from.getTime() + intervalMinutes(schedule.intervalMinutes) * 60_000);
}

/** Whether the cron expression is in use, or ignored for the interval (for a warning in the log). */
export function usesCron(schedule: ScheduleTiming): boolean {
  return schedule.cron.trim() !== '' && validateCron(schedule.cron) === null;
}

/** The interval, kept within what the settings schema allows, so a damaged value cannot hammer a service. */
function intervalMinutes(value: number): number {
  if (!Number.isFinite(value)) return FALLBACK_INTERVAL_MINUTES;
  return Math.min(MAX_INTERVAL_MINUTES, Math.max(MIN_SYNC_GAP_MINUTES, value));
}
