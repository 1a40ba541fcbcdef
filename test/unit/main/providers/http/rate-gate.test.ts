import { describe, expect, it } from 'vitest';
import { PauseTooLongError, RateGate } from '../../../../../main/providers/http/rate-gate';
import { anilistPolicy, malPolicy, traktPolicy, type RatePolicy } from '../../../../../main/providers/http/rate-policy';
import type { RateSignals } from '../../../../../main/providers/http/rate-signals';
import { fakeScheduler } from './fakes';

const ok = (window?: { limit: number; remaining: number }): RateSignals => ({ throttled: false, cloudflare: false, ...(window ? { window } : {}) });

/** Starts `count` requests one after another and returns their start times. */
async function starts(gate: RateGate, scheduler: { now(): number }, count: number, kind: 'read' | 'write' = 'read'): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const release = await gate.acquire(kind, Number.POSITIVE_INFINITY);
    times.push(scheduler.now());
    release();
  }
  return times;
}

describe('RateGate', () => {
  it('keeps a sliding window: no 60-second span holds more than the budget', async () => {
    const scheduler = fakeScheduler();
    const policy: RatePolicy = { ...anilistPolicy, budgets: [{ limit: 10, periodMs: 60_000, applies: 'all' }] };
    const times = await starts(new RateGate(policy, scheduler), scheduler, 35);
    for (let i = 10; i < times.length; i++) expect(times[i]! - times[i - 10]!).toBeGreaterThan(60_000);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(policy.spacingMs);
  });

  it('AniList: adopts X-RateLimit-Limit and counts what the service counted (another app on the token)', async () => {
    const scheduler = fakeScheduler();
    const gate = new RateGate(anilistPolicy, scheduler);
    const first = scheduler.now();
    await starts(gate, scheduler, 1);
    // The service says only 5 remain of 20: 15 were spent, 14 of them not by us.
    gate.observe(ok({ limit: 20, remaining: 5 }));
    const times = await starts(gate, scheduler, 6);
    expect(times.slice(0, 5).every((at) => at - first < 60_000)).toBe(true);
    expect(times[5]! - first).toBeGreaterThanOrEqual(60_000);
  });

  it('AniList: a 429 when at most 30 of 90 were used is the degraded state: 30 a minute from then on', async () => {
    const scheduler = fakeScheduler();
    const gate = new RateGate(anilistPolicy, scheduler);
    await starts(gate, scheduler, 30);
    gate.observe(ok({ limit: 90, remaining: 60 }));
    expect(gate.degraded).toBe(false);
    const pause = gate.observe({ throttled: true, cloudflare: false, retryAfterMs: 60_000, window: { limit: 90, remaining: 0 } });
    expect(pause).toBe(60_000);
    expect(gate.degraded).toBe(true);
    const resumed = scheduler.now() + 60_000;
    const times = await starts(gate, scheduler, 61);
    expect(times[0]).toBeGreaterThanOrEqual(resumed);
    for (let i = 30; i < times.length; i++) expect(times[i]! - times[i - 30]!).toBeGreaterThan(60_000);
  });

  it('AniList: a 429 after most of the 90 were used is not taken for the degraded state', async () => {
    const scheduler = fakeScheduler();
    const gate = new RateGate(anilistPolicy, scheduler);
    gate.observe(ok({ limit: 90, remaining: 3 }));
    gate.observe({ throttled: true, cloudflare: false, retryAfterMs: 60_000 });
    expect(gate.degraded).toBe(false);
  });

  it('Trakt: writes at least a second apart, reads not held back by writes', async () => {
    const scheduler = fakeScheduler();
    const gate = new RateGate(traktPolicy, scheduler);
    const writes = await starts(gate, scheduler, 5, 'write');
    for (let i = 1; i < writes.length; i++) expect(writes[i]! - writes[i - 1]!).toBeGreaterThanOrEqual(1000);
    const before = scheduler.now();
    await starts(gate, scheduler, 3, 'read');
    expect(scheduler.now()).toBe(before);
  });

  it('Trakt: 500 reads per 5 minutes (staff\'s figure, the safer one), and a smaller X-Ratelimit bucket is followed', async () => {
    const scheduler = fakeScheduler();
    const gate = new RateGate(traktPolicy, scheduler);
    const times = await starts(gate, scheduler, 501);
    expect(times[499]! - times[0]!).toBeLessThan(1000);
    expect(times[500]! - times[0]!).toBeGreaterThanOrEqual(300_000);

    const small = new RateGate(traktPolicy, scheduler);
    small.observe({ throttled: false, cloudflare: false, bucket: { kind: 'read', limit: 5, periodMs: 10_000 } });
    const paced = await starts(small, scheduler, 6);
    expect(paced[5]! - paced[0]!).toBeGreaterThanOrEqual(10_000);
  });

  it('a pause longer than the caller waits throws, naming Cloudflare when it was Cloudflare', async () => {
    const scheduler = fakeScheduler();
    const gate = new RateGate(traktPolicy, scheduler);
    gate.observe({ throttled: true, cloudflare: true, retryAfterMs: 300_000 });
    await expect(gate.acquire('read', 120_000)).rejects.toBeInstanceOf(PauseTooLongError);
    await expect(gate.acquire('read', 120_000)).rejects.toMatchObject({ cloudflare: true });
    expect(gate.pause()).toMatchObject({ remainingMs: 300_000, cloudflare: true });
    scheduler.advance(300_000);
    const release = await gate.acquire('read', 120_000);
    release();
  });

  it('MAL: one at a time, 500 ms apart, and a 403 without Retry-After pauses for the fallback', async () => {
    const scheduler = fakeScheduler();
    const gate = new RateGate(malPolicy, scheduler);
    const times = await starts(gate, scheduler, 4);
    expect(times.map((at) => at - times[0]!)).toEqual([0, 500, 1000, 1500]);
    expect(gate.observe({ throttled: true, cloudflare: false }, 20_000)).toBe(20_000);
    const [next] = await starts(gate, scheduler, 1);
    expect(next! - times[3]!).toBe(20_000);
  });

  it('aborting while waiting gives the slot back', async () => {
    const scheduler = fakeScheduler();
    const gate = new RateGate({ ...malPolicy, spacingMs: 0 }, scheduler);
    const held = await gate.acquire('read', 0);
    const controller = new AbortController();
    const waiting = gate.acquire('read', 0, controller.signal);
    controller.abort(new DOMException('stop', 'AbortError'));
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    held();
    const again = await gate.acquire('read', 0);
    again();
  });
});
