import { Cron, CronPattern } from 'croner';
import type { Settings } from '../../../shared/contract';

/**
 * When the next scheduled sync is due (nextRunAt), and the cron expressions it may follow
 * (settings.schedule.cron, checked by validateCron). Croner reads them in the machine's local time,
 * since "0 8,20 * * *" means 8 in the morning where the user is.
 *
 * Only the classic five fields (minute hour day-of-month month day-of-week) and croner's nicknames
 * (@daily, @hourly...) are accepted: a seconds field would let a hand-edited expression ask the services
 * every second, and five fields is what every cron example the user finds online uses.
 */

/** The shortest gap between two scheduled syncs: AniList, MAL and Trakt limit how often we may ask. */
export const MIN_SYNC_GAP_MINUTES = 15;

const EXAMPLE = 'Example: 0 8,20 * * *';
const FIELDS = 'minute, hour, day of month, month and day of week';

/** Parsed expressions, so the scheduler's every-step nextRunAt does not parse and check again. */
type Parsed = { cron: Cron | null; problem: string | null };
const parsed = new Map<string, Parsed>();
const MAX_CACHED = 50;

/**
 * Null when `expression` is a usable schedule (an empty one is: it means "use the interval"), otherwise
 * one sentence the Settings screen shows under the field.
 */
export function validateCron(expression: string): string | null {
  const text = expression.trim();
  if (text === '') return null;
  return parse(text).problem;
}

/**
 * The first time after `from` that a valid expression fires, or null when the expression is empty,
 * invalid, too frequent or never fires: callers then fall back to the interval, so a bad hand-edited
 * expression never stops syncing altogether.
 */
export function cronRunAfter(expression: string, from: Date): Date | null {
  const text = expression.trim();
  if (text === '') return null;
  const { cron, problem } = parse(text);
  if (problem !== null || cron === null) return null;
  return cron.nextRun(from);
}

function parse(text: string): Parsed {
  const cached = parsed.get(text);
  if (cached) return cached;
  const result = check(text);
  if (parsed.size >= MAX_CACHED) parsed.clear();
  parsed.set(text, result);
  return result;
}

function check(text: string): Parsed {
  const quoted = `'${text}'`;
  const fields = text.split(/\s+/);
  if (!text.startsWith('@') && fields.length !== 5) {
    return { cron: null, problem: `${quoted} is not a cron expression: it needs 5 fields separated by spaces (${FIELDS}), and it has ${fields.length}. ${EXAMPLE}` };
  }
  let cron: Cron;
  let pattern: CronPattern;
  try {
    cron = new Cron(text, { mode: '5-part' });
    pattern = new CronPattern(text, undefined, { mode: '5-part' });
  } catch (error) {
    return { cron: null, problem: `${quoted} is not a cron expression: ${croneReason(error)}. ${EXAMPLE}` };
  }
  // Dates like 31 February parse but never come; without this the schedule would silently never sync.
  if (cron.nextRun(new Date()) === null) {
    return { cron, problem: `${quoted} never fires: no date matches it. ${EXAMPLE}` };
  }
  const gap = shortestGapMinutes(pattern);
  if (gap < MIN_SYNC_GAP_MINUTES) {
    const apart = gap === 1 ? '1 minute' : `${gap} minutes`;
    return {
      cron,
      problem: `${quoted} would sync ${apart} apart, and syncs must be at least ${MIN_SYNC_GAP_MINUTES} minutes apart (services limit how often we may ask). Example: */15 * * * *`,
    };
  }
  return { cron, problem: null };
}

/** croner's messages start with "CronPattern: " and a capital; the sentence we build continues them. */
function croneReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const reason = message.replace(/^CronPattern:\s*/, '').replace(/\.$/, '');
  return reason.charAt(0).toLowerCase() + reason.slice(1);
}

/**
 * The shortest gap between two times of day the pattern fires at. Minutes and hours are the same on
 * every day that fires, so this is read from the pattern instead of enumerating runs (a daily
 * expression would need years of runs to be sure). The gap across midnight (last time of one day to the
 * first of the next) counts too; that assumes two days in a row can fire, which is true of nearly
 * every expression and errs on the side of asking the services less.
 */
function shortestGapMinutes(pattern: CronPattern): number {
  const times: number[] = [];
  pattern.hour.forEach((hourOn, hour) => {
    if (!hourOn) return;
    pattern.minute.forEach((minuteOn, minute) => {
      if (minuteOn) times.push(hour * 60 + minute);
    });
  });
  if (times.length === 0) return Infinity;
  let shortest = (times[0] ?? 0) + 24 * 60 - (times[times.length - 1] ?? 0);
  for (let i = 1; i < times.length; i += 1) {
    shortest = Math.min(shortest, (times[i] ?? 0) - (times[i - 1] ?? 0));
  }
  return shortest;
}

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
