import { describe, expect, it } from 'vitest';
import { createSyncScheduler } from '../../../../../main/sync/schedule';
import { FakeClock, fakeDeps, HOUR, MINUTE, settle } from './fake-clock';

const T0 = Date.parse('2026-01-05T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('createSyncScheduler: pause and resume', () => {
  it('does not run while paused, and runs a missed time at once on resume', async () => {
    const clock = new FakeClock(T0);
    const { deps, reasons, schedule, statuses } = fakeDeps(clock);
    const scheduler = createSyncScheduler(deps);
    scheduler.start();
    await clock.advance(10 * MINUTE);
    schedule.paused = true;
    scheduler.pause();
    expect(scheduler.status().paused).toBe(true);
    expect(statuses.at(-1)?.paused).toBe(true);
    await clock.advance(3 * HOUR);
    expect(reasons).toEqual([]);
    // Status goes on: the time that was missed.
    expect(scheduler.status().nextRunAt).toBe(iso(T0 + HOUR));

    schedule.paused = false;
    scheduler.resume();
    await settle();
    expect(reasons).toEqual(['catch-up']);
    expect(scheduler.status()).toMatchObject({ paused: false, nextRunAt: iso(clock.time + HOUR) });
  });

  it('follows settings.schedule.paused even before pause() is called', async () => {
    const clock = new FakeClock(T0);
    const { deps, reasons, schedule, logger } = fakeDeps(clock);
    const scheduler = createSyncScheduler(deps);
    scheduler.start();
    await clock.advance(30 * MINUTE);
    schedule.paused = true;
    await clock.advance(2 * HOUR);
    expect(reasons).toEqual([]);
    expect(scheduler.status().paused).toBe(true);
    // pause() with settings saying otherwise: the settings win, and the log says so.
    schedule.paused = false;
    scheduler.pause();
    await settle();
    expect(reasons).toEqual(['catch-up']);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('pause() called'));
  });

  it('notices a resume written to the settings within a step, even without resume()', async () => {
    const clock = new FakeClock(T0);
    const { deps, reasons, schedule } = fakeDeps(clock, { schedule: { paused: true } });
    const scheduler = createSyncScheduler(deps);
    scheduler.start();
    await clock.advance(2 * HOUR);
    expect(reasons).toEqual([]);
    schedule.paused = false;
    await clock.advance(MINUTE);
    expect(reasons).toEqual(['catch-up']);
  });

  it('resume() with nothing missed waits for the due time', async () => {
    const clock = new FakeClock(T0);
    const { deps, reasons, schedule } = fakeDeps(clock);
    const scheduler = createSyncScheduler(deps);
    schedule.paused = true;
    scheduler.start();
    await clock.advance(20 * MINUTE);
    schedule.paused = false;
    scheduler.resume();
    await settle();
    expect(reasons).toEqual([]);
    await clock.advance(40 * MINUTE);
    expect(reasons).toEqual(['schedule']);
  });
});

describe('createSyncScheduler: settings change', () => {
  it('recomputes the next time from the new interval or cron', async () => {
    const clock = new FakeClock(T0);
    const { deps, reasons, schedule, statuses } = fakeDeps(clock);
    const scheduler = createSyncScheduler(deps);
    scheduler.start();
    await clock.advance(10 * MINUTE);
    schedule.intervalMinutes = 15;
    scheduler.settingsChanged();
    expect(scheduler.status().nextRunAt).toBe(iso(T0 + 15 * MINUTE));
    expect(statuses.at(-1)?.nextRunAt).toBe(iso(T0 + 15 * MINUTE));
    await clock.advance(5 * MINUTE);
    expect(reasons).toEqual(['schedule']);

    const lastRun = clock.time;
    schedule.cron = '0 */6 * * *';
    scheduler.settingsChanged();
    const expected = new Date(lastRun);
    expected.setMinutes(0, 0, 0);
    do expected.setHours(expected.getHours() + 1);
    while (expected.getHours() % 6 !== 0);
    expect(scheduler.status().nextRunAt).toBe(expected.toISOString());
  });

  it('ignores an unusable cron expression for the interval, with a warning', async () => {
    const clock = new FakeClock(T0);
    const { deps, logger } = fakeDeps(clock, { schedule: { cron: '* * * * *', intervalMinutes: 45 } });
    const scheduler = createSyncScheduler(deps);
    scheduler.start();
    await settle();
    expect(scheduler.status().nextRunAt).toBe(iso(T0 + 45 * MINUTE));
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('cron expression is not usable'), { cron: '* * * * *' });
  });
});

describe('createSyncScheduler: runs', () => {
  it('never starts a second run while one is going, and counts the next from its end', async () => {
    const clock = new FakeClock(T0);
    const { deps, reasons, state, statuses } = fakeDeps(clock, { lastRun: iso(T0 - 2 * HOUR) });
    let finish = () => {};
    deps.run.mockImplementation((reason) => {
      reasons.push(reason);
      return new Promise<void>((resolve) => (finish = resolve));
    });
    const scheduler = createSyncScheduler(deps);
    scheduler.start();
    await settle();
    expect(reasons).toEqual(['catch-up']);
    expect(scheduler.status().running).toBe(true);
    expect(statuses.at(-1)?.running).toBe(true);

    // Another due time passes during the run; everything that could start one is tried.
    await clock.advance(2 * HOUR);
    scheduler.wake();
    scheduler.settingsChanged();
    scheduler.resume();
    scheduler.start();
    await settle();
    expect(reasons).toEqual(['catch-up']);

    finish();
    await settle();
    expect(scheduler.status().running).toBe(false);
    expect(statuses.at(-1)?.running).toBe(false);
    expect(state.lastRun).toBe(iso(T0 + 2 * HOUR));
    expect(scheduler.status().nextRunAt).toBe(iso(T0 + 3 * HOUR));
    await clock.advance(59 * MINUTE);
    expect(reasons).toEqual(['catch-up']);
  });

  it('logs a run that throws and keeps the schedule', async () => {
    const clock = new FakeClock(T0);
    const { deps, reasons, state, logger } = fakeDeps(clock);
    deps.run.mockImplementationOnce(async (reason) => {
      reasons.push(reason);
      throw new Error('AniList is down');
    });
    const scheduler = createSyncScheduler(deps);
    scheduler.start();
    await clock.advance(HOUR);
    expect(reasons).toEqual(['schedule']);
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('failed'), expect.objectContaining({ error: 'AniList is down' }));
    // Recorded as run, or the due time would stay in the past and the failing run repeat at once.
    expect(state.lastRun).toBe(iso(T0 + HOUR));
    await clock.advance(10 * MINUTE);
    expect(reasons).toEqual(['schedule']);
    await clock.advance(50 * MINUTE);
    expect(reasons).toEqual(['schedule', 'schedule']);
  });

  it('does not loop when the last run cannot be stored', async () => {
    const clock = new FakeClock(T0);
    const { deps, reasons } = fakeDeps(clock, { lastRun: iso(T0 - 2 * HOUR) });
    deps.lastRun.set = () => {
      throw new Error('database is closed');
    };
    const scheduler = createSyncScheduler(deps);
    scheduler.start();
    await clock.advance(30 * MINUTE);
    expect(reasons).toEqual(['catch-up']);
    expect(scheduler.status().nextRunAt).toBe(iso(T0 + HOUR));
  });
});
