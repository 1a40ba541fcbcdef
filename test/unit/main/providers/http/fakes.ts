import type { Scheduler } from '../../../../../main/providers/http/scheduler';

/** A scheduler whose sleeps move its clock at once, recording each wait. */
export function fakeScheduler(start = 1_000_000): Scheduler & { sleeps: number[]; advance(ms: number): void } {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance: (ms) => void (now += ms),
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      now += Math.max(0, ms);
      await Promise.resolve();
      if (signal?.aborted) throw signal.reason;
    },
  };
}

export interface FakeCall {
  url: string;
  method: string;
  headers: Headers;
  body: string;
  at: number;
}

type Reply = Response | Error | ((call: FakeCall, signal: AbortSignal | undefined) => Response | Error | Promise<Response | Error>);

/** A fetch that answers from a script, one reply per call (the last repeats), recording every call. */
export function fakeFetch(replies: Reply[], clock: { now(): number } = { now: () => 0 }): typeof fetch & { calls: FakeCall[] } {
  const calls: FakeCall[] = [];
  const impl = async (input: string | URL | Request, init: RequestInit = {}) => {
    const body = init.body === undefined || init.body === null ? '' : await new Response(init.body).text();
    const call: FakeCall = { url: String(input), method: init.method ?? 'GET', headers: new Headers(init.headers), body, at: clock.now() };
    calls.push(call);
    const reply = replies[Math.min(calls.length - 1, replies.length - 1)]!;
    const result = typeof reply === 'function' ? await reply(call, init.signal ?? undefined) : reply;
    if (result instanceof Error) throw result;
    return result.clone();
  };
  return Object.assign(impl, { calls }) as typeof fetch & { calls: FakeCall[] };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** What Node's fetch throws for a reset connection. */
export function connectionReset(): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
}

export function connectionRefused(): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }) });
}

export { recordingLogger } from '../../../../support/recording-logger';
