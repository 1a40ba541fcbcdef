/**
 * Time as the request pipeline sees it: what time it is and how to wait. Injected so unit tests (and the
 * emulator tests, which share a manual clock with the emulators) move time instead of sleeping.
 */
export interface Scheduler {
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemScheduler: Scheduler = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortReason(signal));
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortReason(signal!));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, Math.max(0, ms));
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/**
 * A scheduler whose sleeps move a shared clock forward at once: the pipeline's waits become instant, and an
 * emulator reading the same clock sees exactly the spacing the pipeline chose.
 */
export function steppingScheduler(clock: { now(): number; advance(ms: number): void }): Scheduler {
  return {
    now: () => clock.now(),
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw abortReason(signal);
      if (ms > 0) clock.advance(ms);
      // Let other waiters and I/O run, as a real sleep would.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (signal?.aborted) throw abortReason(signal);
    },
  };
}

export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}
