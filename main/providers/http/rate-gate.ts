import { createConcurrencyLimiter, type ConcurrencyLimiter } from './concurrency-limiter';
import type { RateBudget, RatePolicy, RequestKind } from './rate-policy';
import type { RateSignals } from './rate-signals';
import type { Scheduler } from './scheduler';

/** The service asked us to stay away longer than the caller is willing to wait. */
export class PauseTooLongError extends Error {
  constructor(
    readonly until: number,
    readonly cloudflare: boolean,
  ) {
    super(`paused until ${new Date(until).toISOString()}`);
    this.name = 'PauseTooLongError';
  }
}

/** A little past the end of a window, for clocks that tick differently on the two sides. */
const WINDOW_MARGIN_MS = 100;

interface LiveBudget extends RateBudget {
  /** Start times of the requests counted in the current window, oldest first. */
  hits: number[];
}

/**
 * One account's limiter: a concurrency cap, sliding-window budgets, spacing between starts, and a pause the
 * service itself imposed (Retry-After). It learns from each response's RateSignals: AniList's window from
 * X-RateLimit-*, its degraded state from where a 429 falls, Trakt's bucket sizes from X-Ratelimit.
 */
export class RateGate {
  private readonly budgets: LiveBudget[];
  private readonly slots: ConcurrencyLimiter;
  /** Spaced writes go one at a time, so the next one can be timed from the previous one's answer. */
  private readonly writeSlot = createConcurrencyLimiter(1);
  private writeSpacingMs: number;
  private lastStart = Number.NEGATIVE_INFINITY;
  private lastWriteEnd = Number.NEGATIVE_INFINITY;
  private pausedUntil = 0;
  private pauseIsCloudflare = false;
  private degradedUntil = 0;
  /** AniList's last X-RateLimit-Limit/Remaining from an answer that was not a refusal. */
  private lastWindow: { limit: number; remaining: number } | undefined;

  constructor(
    private readonly policy: RatePolicy,
    private readonly scheduler: Scheduler,
  ) {
    this.budgets = policy.budgets.map((budget) => ({ ...budget, hits: [] }));
    this.slots = createConcurrencyLimiter(policy.concurrency);
    this.writeSpacingMs = policy.writeSpacingMs;
  }

  /** Whether AniList's degraded limit is in force (exposed for logs and tests). */
  get degraded(): boolean {
    return this.scheduler.now() < this.degradedUntil;
  }

  /** How long the service-imposed pause has left, and whether Cloudflare imposed it. */
  pause(): { remainingMs: number; cloudflare: boolean; until: number } {
    return { remainingMs: Math.max(0, this.pausedUntil - this.scheduler.now()), cloudflare: this.pauseIsCloudflare, until: this.pausedUntil };
  }

  /**
   * Waits until a request of `kind` may start, then counts it. Pacing waits are never cut short except by
   * the signal; a service-imposed pause longer than `maxPauseMs` throws PauseTooLongError instead.
   */
  async acquire(kind: RequestKind, maxPauseMs: number, signal?: AbortSignal): Promise<() => void> {
    const releaseWrite = kind === 'write' && this.writeSpacingMs > 0 ? await this.writeSlot.acquire(signal) : () => {};
    let releaseSlot: () => void = () => {};
    try {
      releaseSlot = await this.slots.acquire(signal);
      for (;;) {
        const now = this.scheduler.now();
        const paused = this.pausedUntil - now;
        if (paused > maxPauseMs) throw new PauseTooLongError(this.pausedUntil, this.pauseIsCloudflare);
        const wait = Math.max(paused, this.pacingDelay(kind, now));
        if (wait <= 0) break;
        await this.scheduler.sleep(wait, signal);
      }
    } catch (error) {
      releaseSlot();
      releaseWrite();
      throw error;
    }
    const started = this.scheduler.now();
    this.count(kind, started);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.finish(kind, started, this.scheduler.now());
      releaseSlot();
      releaseWrite();
    };
  }

  /** Learns from one answer; returns how long the gate now pauses everyone (0 when not throttled). */
  observe(signals: RateSignals, fallbackPauseMs = this.policy.throttlePauseMs): number {
    const now = this.scheduler.now();
    if (signals.bucket) this.followTraktBucket(signals.bucket);
    if (signals.throttled) {
      this.detectDegraded(now);
      const pauseMs = signals.retryAfterMs ?? fallbackPauseMs;
      if (now + pauseMs > this.pausedUntil) {
        this.pausedUntil = now + pauseMs;
        this.pauseIsCloudflare = signals.cloudflare;
      }
      return pauseMs;
    }
    if (signals.window) this.followAnilistWindow(signals.window, now);
    return 0;
  }

  private pacingDelay(kind: RequestKind, now: number): number {
    let wait = this.lastStart + this.policy.spacingMs - now;
    if (kind === 'write') wait = Math.max(wait, this.lastWriteEnd + this.writeSpacingMs - now);
    for (const budget of this.budgets) {
      if (!applies(budget, kind)) continue;
      prune(budget, now);
      const limit = this.effectiveLimit(budget, now);
      if (budget.hits.length >= limit) {
        // Enough of the oldest hits must leave the window to make room for one more.
        const freeing = budget.hits[budget.hits.length - limit]!;
        wait = Math.max(wait, freeing + budget.periodMs + WINDOW_MARGIN_MS - now);
      }
    }
    return wait;
  }

  private count(kind: RequestKind, now: number): void {
    this.lastStart = now;
    for (const budget of this.budgets) if (applies(budget, kind)) budget.hits.push(now);
  }

  /**
   * The service counts a request when it arrives, somewhere between our start and its answer. Counting it
   * at the answer instead of the start keeps our window from closing before the service's, whatever the
   * transit time; and the next spaced write is timed from this answer, so it cannot arrive too early.
   */
  private finish(kind: RequestKind, started: number, ended: number): void {
    if (kind === 'write') this.lastWriteEnd = Math.max(this.lastWriteEnd, ended);
    for (const budget of this.budgets) {
      if (!applies(budget, kind)) continue;
      const index = budget.hits.indexOf(started);
      if (index < 0) continue;
      budget.hits.splice(index, 1);
      let at = budget.hits.length;
      while (at > 0 && budget.hits[at - 1]! > ended) at--;
      budget.hits.splice(at, 0, ended);
    }
  }

  private effectiveLimit(budget: LiveBudget, now: number): number {
    const degraded = this.policy.degraded;
    return degraded && now < this.degradedUntil ? Math.min(budget.limit, degraded.limit) : budget.limit;
  }

  /**
   * AniList counts every request of the window, ours or another app's on the same token: adopt its limit, and
   * when it has counted more than we have, add the difference as if spent now (the safe side).
   */
  private followAnilistWindow(window: { limit: number; remaining: number }, now: number): void {
    this.lastWindow = window;
    const budget = this.budgets[0];
    if (!budget) return;
    budget.limit = Math.max(1, window.limit);
    prune(budget, now);
    const serverUsed = window.limit - window.remaining;
    while (budget.hits.length < serverUsed) budget.hits.push(now);
  }

  /** A 429 when we had used no more than the degraded limit means the real limit is that low (API-NOTES §1). */
  private detectDegraded(now: number): void {
    const degraded = this.policy.degraded;
    if (!degraded || !this.lastWindow) return;
    const used = this.lastWindow.limit - this.lastWindow.remaining;
    if (used <= degraded.limit) this.degradedUntil = now + degraded.holdMs;
  }

  /** Trakt's X-Ratelimit names the bucket and its real size: never spend faster than it says. */
  private followTraktBucket(bucket: { kind: RequestKind; limit: number; periodMs: number }): void {
    if (bucket.kind === 'write') {
      this.writeSpacingMs = Math.max(this.writeSpacingMs, Math.ceil(bucket.periodMs / bucket.limit));
      return;
    }
    for (const budget of this.budgets) {
      if (budget.applies !== 'read') continue;
      if (bucket.limit / bucket.periodMs < budget.limit / budget.periodMs) {
        budget.limit = bucket.limit;
        budget.periodMs = bucket.periodMs;
      }
    }
  }
}

function applies(budget: RateBudget, kind: RequestKind): boolean {
  return budget.applies === 'all' || budget.applies === kind;
}

function prune(budget: LiveBudget, now: number): void {
  while (budget.hits.length > 0 && budget.hits[0]! <= now - budget.periodMs) budget.hits.shift();
}
