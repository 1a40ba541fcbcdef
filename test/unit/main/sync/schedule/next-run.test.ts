import { describe, expect, it } from 'vitest';
import { nextRunAt, usesCron, validateCron } from '../../../../../main/sync/schedule';

// Cron reads local time, so the dates here are built in local time too: the tests pass in any time zone.
const local = (day: number, hour: number, minute = 0) => new Date(2026, 0, day, hour, minute);

describe('validateCron', () => {
  it('accepts an empty expression (use the interval) and usual schedules', () => {
    for (const ok of ['', '   ', '0 8,20 * * *', '*/15 * * * *', '30 7 * * MON-FRI', '@daily', '@hourly', '0 */2 * * *']) {
      expect(validateCron(ok), ok).toBeNull();
    }
  });

  it('says how many fields a cron expression needs, with an example', () => {
    expect(validateCron('*/5 * *')).toBe(
      "'*/5 * *' is not a cron expression: it needs 5 fields separated by spaces (minute, hour, day of month, month and day of week), and it has 3. Example: 0 8,20 * * *",
    );
    // Seconds would let an expression fire every second.
    expect(validateCron('0 0 8 * * *')).toMatch(/^'0 0 8 \* \* \*' is not a cron expression: .*it has 6\. Example: 0 8,20 \* \* \*$/);
  });

  it("passes on croner's reason for a value out of range or bad syntax", () => {
    expect(validateCron('61 * * * *')).toBe("'61 * * * *' is not a cron expression: invalid value for minute: 61. Example: 0 8,20 * * *");
    expect(validateCron('0 25 * * *')).toMatch(/^'0 25 \* \* \*' is not a cron expression: .*hour.*\. Example: 0 8,20 \* \* \*$/);
    expect(validateCron('x y z a b')).toMatch(/is not a cron expression: .+\. Example/);
  });

  it('refuses an expression that never fires', () => {
    expect(validateCron('0 0 31 2 *')).toBe("'0 0 31 2 *' never fires: no date matches it. Example: 0 8,20 * * *");
  });

  it('refuses expressions firing less than 15 minutes apart, saying how far apart', () => {
    expect(validateCron('*/5 * * * *')).toBe(
      "'*/5 * * * *' would sync 5 minutes apart, and syncs must be at least 15 minutes apart (services limit how often we may ask). Example: */15 * * * *",
    );
    expect(validateCron('* * * * *')).toMatch(/would sync 1 minute apart/);
    // Two times close together once a day are still too close.
    expect(validateCron('0,10 8 * * *')).toMatch(/would sync 10 minutes apart/);
    // Across midnight: 23:55 and then 00:05 the next day.
    expect(validateCron('5,55 0,23 * * *')).toMatch(/would sync 10 minutes apart/);
    expect(validateCron('0,15,30,45 * * * *')).toBeNull();
  });

  it('says which expressions the scheduler uses', () => {
    expect(usesCron({ intervalMinutes: 60, cron: '0 8 * * *' })).toBe(true);
    expect(usesCron({ intervalMinutes: 60, cron: '' })).toBe(false);
    expect(usesCron({ intervalMinutes: 60, cron: '*/1 * * * *' })).toBe(false);
  });
});

describe('nextRunAt', () => {
  it('adds the interval to the last run', () => {
    const from = new Date('2026-01-05T10:00:00.000Z');
    expect(nextRunAt({ intervalMinutes: 90, cron: '' }, from).toISOString()).toBe('2026-01-05T11:30:00.000Z');
  });

  it('never spaces interval runs closer than 15 minutes, even with a damaged setting', () => {
    const from = new Date('2026-01-05T10:00:00.000Z');
    expect(nextRunAt({ intervalMinutes: 1, cron: '' }, from).toISOString()).toBe('2026-01-05T10:15:00.000Z');
    expect(nextRunAt({ intervalMinutes: Number.NaN, cron: '' }, from).toISOString()).toBe('2026-01-05T11:00:00.000Z');
  });

  it('takes the first cron time after the last run', () => {
    const schedule = { intervalMinutes: 60, cron: '0 8,20 * * *' };
    expect(nextRunAt(schedule, local(5, 7, 30))).toEqual(local(5, 8));
    expect(nextRunAt(schedule, local(5, 8, 1))).toEqual(local(5, 20));
    // A run exactly at 08:00 is followed by the 20:00 one, not by itself.
    expect(nextRunAt(schedule, local(5, 8))).toEqual(local(5, 20));
    expect(nextRunAt(schedule, local(5, 21))).toEqual(local(6, 8));
  });

  it('falls back to the interval when the cron expression is not usable', () => {
    const from = local(5, 7, 30);
    const expected = new Date(from.getTime() + 45 * 60_000);
    expect(nextRunAt({ intervalMinutes: 45, cron: '*/5 * *' }, from)).toEqual(expected);
    expect(nextRunAt({ intervalMinutes: 45, cron: '* * * * *' }, from)).toEqual(expected);
    expect(nextRunAt({ intervalMinutes: 45, cron: '0 0 31 2 *' }, from)).toEqual(expected);
  });
});
