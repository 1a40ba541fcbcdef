import { anilistPolicy, malPolicy, type RatePolicy } from '../../../main/providers/http/rate-policy';
import { defaultRetry, type RetryOptions } from '../../../main/providers/http/retry-rules';

/**
 * The chaos test's network between a core and the emulators: a per-attempt timeout short enough that the
 * emulators' `timeout` fault (which holds a request open for good) costs a second or two instead of the
 * pipeline's 30, and a kill switch that stops one core dead at a chosen request, as if the process had been
 * killed there: the request is never sent (`before`), or sent and applied with its answer lost (`after`),
 * and every later request of that core hangs for ever, so nothing of the dead core runs on.
 */

export type KillMode = 'before' | 'after';

export interface KillPlan {
  /** Counting this core's requests from 1 (reads and writes), or only its writes. */
  count: 'request' | 'write';
  at: number;
  mode: KillMode;
}

export interface KillSwitch {
  /** Armed for the next requests of the current core; null disarms. */
  arm(plan: KillPlan | null): void;
  /** Resolves with a description once the armed kill fired (then the switch is disarmed). */
  fired(): Promise<string>;
  /** The fetch for a new core (each restart gets its own; a killed core's fetch stays dead). */
  makeFetch(): typeof fetch;
}

const never = new Promise<never>(() => undefined);

/** POST /graphql with a mutation (AniList), or anything but GET/HEAD (MAL's PATCH/PUT/DELETE). */
export function isWriteRequest(url: string, init: RequestInit | undefined, body: string | null): boolean {
  const method = (init?.method ?? 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD') return false;
  if (url.endsWith('/graphql')) return body !== null && /^\s*mutation\b/m.test(body);
  return !url.includes('/oauth') && !url.includes('/token');
}

export function createKillSwitch(options: { timeoutMs: number }): KillSwitch {
  let armed: KillPlan | null = null;
  let counts = { request: 0, write: 0 };
  let waiters: Array<(what: string) => void> = [];

  return {
    arm(plan) {
      armed = plan;
      counts = { request: 0, write: 0 };
    },
    fired: () => new Promise((resolve) => waiters.push(resolve)),
    makeFetch() {
      let dead = false;
      const kill = (what: string) => {
        dead = true;
        armed = null;
        const notify = waiters;
        waiters = [];
        for (const resolve of notify) resolve(what);
      };
      return async (input, init) => {
        if (dead) return never;
        const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
        const body = typeof init?.body === 'string' ? init.body : null;
        const write = isWriteRequest(url, init, body);
        let fire: KillMode | null = null;
        if (armed) {
          counts.request += 1;
          if (write) counts.write += 1;
          const counted = armed.count === 'request' ? counts.request : write ? counts.write : -1;
          if (counted === armed.at) fire = armed.mode;
        }
        const what = `${fire} ${write ? 'write' : 'read'} ${(init?.method ?? 'GET').toUpperCase()} ${new URL(url).pathname}`;
        if (fire === 'before') {
          kill(what);
          return never;
        }
        const timeout = AbortSignal.timeout(options.timeoutMs);
        const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
        const response = await fetch(input, { ...init, signal });
        if (fire === 'after') {
          // The service applied it; the answer dies with the process.
          await response.arrayBuffer().catch(() => undefined);
          kill(what);
          return never;
        }
        if (dead) return never;
        return response;
      };
    },
  };
}

/**
 * This test is about faults, not pacing: the request pipelines' spacing (MAL 500 ms, AniList 250 ms), the
 * long pauses after a throttle answer and the retry backoff are shortened, and AniList's "degraded state"
 * (30 a minute for ten minutes after a 429 that came early in the window, which every injected 429 looks
 * like) is switched off, for this test file's module instances only. Returns the undo.
 */
export function fastPacing(): () => void {
  const saved: Array<[RatePolicy, RatePolicy]> = [anilistPolicy, malPolicy].map((policy) => [policy, { ...policy }]);
  const savedRetry: RetryOptions = { ...defaultRetry };
  anilistPolicy.spacingMs = 0;
  delete (anilistPolicy as Partial<RatePolicy>).degraded;
  malPolicy.spacingMs = 0;
  malPolicy.throttlePauseMs = 100;
  Object.assign(defaultRetry, { baseDelayMs: 50, maxDelayMs: 1_000 });
  return () => {
    for (const [policy, copy] of saved) {
      for (const key of Object.keys(policy)) delete (policy as unknown as Record<string, unknown>)[key];
      Object.assign(policy, copy);
    }
    Object.assign(defaultRetry, savedRetry);
  };
}
