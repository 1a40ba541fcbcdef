import { describe, expect, it, vi } from 'vitest';
import { createSyncScheduler, MAX_STEP_MS } from '../../../../../main/sync/schedule';
import { FakeClock, fakeDeps, HOUR, MINUTE, settle } from './fake-clock';

const T0 = Date.parse('2026-01-05T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('createSyncScheduler: interval', () => {
  it('runs once per interval, counted from the last run, in steps of at most a minute', async () => {
    const clock = new FakeClock(T0);
    const { deps, reasons, state } = fakeDeps(clock);
    const scheduler = createSyncScheduler(deps);
    scheduler.start();
    await settle();
    expect(scheduler.status()).toEqual({ paused: false, running: false, nextRunAt: iso(T0 + HOUR), lastRunAt: null, waitingForNetwork: false });

    await clock.advance(59 * MINUTE);
    expect(reasons).toEqual([]);
    await clock.advance(MINUTE);
    expect(reasons).toEqual(['schedule']);
    expect(state.lastRun).toBe(iso(T0 + HOUR));
    expect(scheduler.status().nextRunAt).toBe(iso(T0 + 2 * HOUR));

    await clock.advance(HOUR);
    expect(reasons).toEqual(['schedule', 'schedule']);
    expect(Math.max(...clock.delays)).toBeLessThanOrEqual(MAX_STEP_MS);
    // A minute's step, not one timer per minute for the whole hour and nothing more.
    expect(clock.pending).toBe(1);
  });

  it('stops: no runs, no timers, no next time', async () => {
    const clock = new FakeClock(T0);
    const { deps, reasons } = fakeDeps(clock);
    const scheduler = createSyncScheduler(deps);
    scheduler.start();
    await clock.advance(10 * MINUTE);
    scheduler.stop();
    await clock.advance(3 * HOUR);
    expect(reasons).toEqual([]);
    expect(clock.pending).toBe(0);
    expect(scheduler.status().nextRunAt).toBeNull();
  });
});

describe('createSyncScheduler: cron', () => {
  it('runs at the times the expression names', async () => {
    const start = new Date(2026, 0, 5, 7, 30).getTime();
    const clock = new FakeClock(start);
    const { deps, reasons, state } = fakeDeps(clock, { schedule: { cron: '0 8,20 * * *' }, lastRun: iso(new Date(2026, 0, 5, 7, 0).getTime()) });
    const scheduler = createSyncScheduler(deps);
    scheduler.start();
    await settle();
    expect(scheduler.status().nextRunAt).toBe(iso(new Date(2026, 0, 5, 8, 0).getTime()));
    await clock.advance(29 * MINUTE);
    expect(reasons).toEqual([]);
    await clock.advance(MINUTE);
    expect(reasons).toEqual(['schedule']);
    expect(state.lastRun).toBe(iso(new Date(2026, 0, 5, 8, 0).getTime()));
    expect(scheduler.status().nextRunAt).toBe(iso(new Date(2026, 0, 5, 20, 0).getTime()));
    await clock.advance(12 * HOUR);
    expect(reasons).toEqual(['schedule', 'schedule']);
  });
});

describe('createSyncScheduler: catch-up', () => {
  it('runs once, not once per missed slot, when the machine slept through due times', async () => {
    const clock = new FakeClock(T0);
    const { deps, reasons } = fakeDeps(clock, { schedule: { intervalMinutes: 30 } });
    const scheduler = createSyncScheduler(deps);
    scheduler.start();
    await clock.advance(10 * MINUTE);
    // Five hours asleep between two steps: ten half-hour slots missed. The pending step fires on waking.
    clock.sleep(5 * HOUR);
    await clock.fireNext();
    expect(reasons).toEqual(['catch-up']);
    expect(scheduler.status().nextRunAt).toBe(iso(clock.time + 30 * MINUTE));
    await clock.advance(29 * MINUTE);
    expect(reasons).toEqual(['catch-up']);
    await clock.advance(MINUTE);
    expect(reasons).toEqual(['catch-up', 'schedule']);
  });

  it('runs at once on wake() after a sleep, and the step that fires later does not run again', async () => {
    const clock = new FakeClock(T0);
    const { deps, reasons } = fakeDeps(clock);
    const scheduler = createSyncScheduler(deps);
    scheduler.start();
    await clock.advance(MINUTE);
    clock.sleep(5 * HOUR);
    scheduler.wake();
    await settle();
    expect(reasons).toEqual(['catch-up']);
    await clock.fireNext();
    await clock.advance(MINUTE);
    expect(reasons).toEqual(['catch-up']);
  });

  it('runs at once on start when the last run is more than an interval ago', async () => {
    const clock = new FakeClock(T0);
    const { deps, reasons } = fakeDeps(clock, { lastRun: iso(T0 - 3 * HOUR) });
    const scheduler = createSyncScheduler(deps);
    scheduler.start();
    await settle();
    expect(reasons).toEqual(['catch-up']);
    expect(scheduler.status().nextRunAt).toBe(iso(T0 + HOUR));
  });

  it('waits for the rest of the interval on start when the last run is recent', async () => {
    const clock = new FakeClock(T0);
    const { deps, reasons } = fakeDeps(clock, { lastRun: iso(T0 - 20 * MINUTE) });
    const scheduler = createSyncScheduler(deps);
    scheduler.start();
    await settle();
    expect(reasons).toEqual([]);
    expect(scheduler.status().nextRunAt).toBe(iso(T0 + 40 * MINUTE));
    await clock.advance(40 * MINUTE);
    expect(reasons).toEqual(['schedule']);
  });

  it('runs a cron time missed while the app was closed', async () => {
    // Last run at 20:00 yesterday; started at 09:00, after the 08:00 time.
    const clock = new FakeClock(new Date(2026, 0, 6, 9, 0).getTime());
    const { deps, reasons } = fakeDeps(clock, { schedule: { cron: '0 8,20 * * *' }, lastRun: iso(new Date(2026, 0, 5, 20, 0).getTime()) });
    const scheduler = createSyncScheduler(deps);
    scheduler.start();
    await settle();
    expect(reasons).toEqual(['catch-up']);
    expect(scheduler.status().nextRunAt).toBe(iso(new Date(2026, 0, 6, 20, 0).getTime()));
  });
});

describe('createSyncScheduler: network', () => {
  it('waits while offline, checking each step, and runs once when the network is back', async () => {
    const clock = new FakeClock(T0);
    const { deps, reasons } = fakeDeps(clock, { lastRun: iso(T0 - 50 * MINUTE) });
    let up = false;
    const online = vi.fn(async () => up);
    const scheduler = createSyncScheduler({ ...deps, online });
    scheduler.start();
    await clock.advance(10 * MINUTE);
    expect(reasons).toEqual([]);
    expect(scheduler.status().waitingForNetwork).toBe(true);

    await clock.advance(5 * MINUTE);
    expect(reasons).toEqual([]);
    expect(online.mock.calls.length).toBeGreaterThanOrEqual(5);

    up = true;
    await clock.advance(MINUTE);
    expect(reasons).toEqual(['catch-up']);
    expect(scheduler.status().waitingForNetwork).toBe(false);
    expect(scheduler.status().nextRunAt).toBe(iso(clock.time + HOUR));
    await clock.advance(30 * MINUTE);
    expect(reasons).toEqual(['catch-up']);
  });

  it('runs as soon as the host says the network is back', async () => {
    const clock = new FakeClock(T0);
    const { deps, reasons } = fakeDeps(clock, { lastRun: iso(T0 - 2 * HOUR) });
    let up = false;
    const scheduler = createSyncScheduler({ ...deps, online: async () => up });
    scheduler.start();
    await settle();
    expect(reasons).toEqual([]);
    up = true;
    scheduler.wake();
    await settle();
    expect(reasons).toEqual(['catch-up']);
  });
});
