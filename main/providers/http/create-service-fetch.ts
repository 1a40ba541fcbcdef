import type { AppError } from '../../../shared/contract/errors';
import type { Logger } from '../../app/ports';
import { logPath, prepareRequest, type PreparedRequest } from './prepared-request';
import { PauseTooLongError, RateGate } from './rate-gate';
import { kindOf, policyFor, type RatePolicy, type RequestKind } from './rate-policy';
import { readRateSignals } from './rate-signals';
import { requestKind } from './request-kind';
import { NOT_IDEMPOTENT_HEADER, backoffDelay, defaultRetry, retryableFailure, retryableStatus, type RetryOptions } from './retry-rules';
import { systemScheduler, type Scheduler } from './scheduler';
import {
  apiDisabledError,
  errorCode,
  networkError,
  rateLimitedError,
  signInAgainError,
  throttledTooOftenError,
  timeoutError,
  unavailableError,
} from './service-errors';
import type { CredentialSource, ServiceFetch, ServiceId } from './service-fetch';
import { readRefusal } from './service-refusals';

export interface ServiceFetchOptions {
  service: ServiceId;
  /** The account's limits; the service's default policy when absent. */
  policy?: RatePolicy;
  /** Adds the account's token to every request; absent for anonymous calls (token exchange, public reads). */
  credentials?: CredentialSource;
  retry?: Partial<RetryOptions>;
  /** Per attempt, from sending to the last byte of the body. */
  timeoutMs?: number;
  scheduler?: Scheduler;
  /** For jitter; Math.random by default. */
  random?: () => number;
  logger?: Logger;
  fetchImpl?: typeof fetch;
  /** Names the account in logs (e.g. "anilist:1234"). */
  account?: string;
}

export interface AccountFetch extends ServiceFetch {
  /** True once the service refused the account's token: every later request fails fast. */
  readonly needsSignIn: boolean;
  /** The limiter, for logs and tests. */
  readonly gate: RateGate;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

type Attempt =
  | { kind: 'response'; status: number; statusText: string; headers: Headers; body: ArrayBuffer }
  | { kind: 'failure'; timedOut: boolean; error: unknown };

/**
 * One request pipeline per account (issue 4 item 4): paces requests by the service's limits and headers,
 * retries what is safe to retry with backoff, and turns what cannot be fixed by waiting into AppErrors.
 * A refused token latches the account: requests through this fetch then fail at once with "sign in
 * again", without touching the network, while other accounts' fetches carry on.
 */
export function createServiceFetch(options: ServiceFetchOptions): AccountFetch {
  const { service, credentials } = options;
  const policy = options.policy ?? policyFor(service);
  const retry: RetryOptions = { ...defaultRetry, ...options.retry };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const scheduler = options.scheduler ?? systemScheduler;
  const random = options.random ?? Math.random;
  const fetchImpl = options.fetchImpl ?? globalThis.fetch.bind(globalThis);
  const gate = new RateGate(policy, scheduler);
  let signedOut = false;

  const log = (level: 'debug' | 'warn', message: string, request: PreparedRequest, fields: Record<string, unknown>) =>
    options.logger?.log(level, message, { service, ...(options.account ? { account: options.account } : {}), method: request.method, path: logPath(request.url), ...fields });

  const latch = (request: PreparedRequest, status: number): AppError => {
    if (!signedOut) {
      signedOut = true;
      log('warn', 'service refused the token; the account needs a new sign-in', request, { status });
      credentials?.rejected();
    }
    return signInAgainError(service);
  };

  const send = async (request: PreparedRequest): Promise<Attempt> => {
    const headers = new Headers(request.headers);
    if (credentials) for (const [name, value] of Object.entries(await credentials.headers(request.signal))) headers.set(name, value);
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    try {
      const response = await fetchImpl(request.url, { ...request.rest, method: request.method, headers, body: request.body ?? null, signal });
      // Read the whole body here, under the same timeout: a connection cut mid-body is then a failure this
      // pipeline retries, not a parse error in the client.
      const body = await response.arrayBuffer();
      return { kind: 'response', status: response.status, statusText: response.statusText, headers: response.headers, body };
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason;
      return { kind: 'failure', timedOut: timeout.aborted, error };
    }
  };

  const serviceFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    if (signedOut) throw signInAgainError(service);
    const request = await prepareRequest(input, init);
    const idempotent = request.headers.get(NOT_IDEMPOTENT_HEADER) === null;
    request.headers.delete(NOT_IDEMPOTENT_HEADER);
    const kind: RequestKind = service === 'anilist' ? requestKind(request.method, request.body) : kindOf(request.method);
    let refreshed = false;
    let throttles = 0;

    for (let attempt = 1; ; attempt++) {
      if (signedOut) throw signInAgainError(service);
      let release: () => void;
      try {
        release = await gate.acquire(kind, retry.maxPauseMs, request.signal);
      } catch (error) {
        if (!(error instanceof PauseTooLongError)) throw error;
        const now = scheduler.now();
        log('warn', 'service asked for a pause longer than a request waits; giving up for now', request, { waitMs: error.until - now, cloudflare: error.cloudflare, attempt });
        throw rateLimitedError(service, { waitMs: error.until - now, cloudflare: error.cloudflare, now });
      }
      // Another request of this account may have been refused while this one waited for its turn.
      if (signedOut) {
        release();
        throw signInAgainError(service);
      }
      let outcome: Attempt;
      try {
        outcome = await send(request);
      } finally {
        release();
      }
      if (signedOut) throw signInAgainError(service);

      if (outcome.kind === 'failure') {
        const code = errorCode(outcome.error);
        const canRetry = attempt < retry.maxAttempts && retryableFailure(kind, idempotent, outcome.timedOut ? undefined : code);
        log('warn', outcome.timedOut ? 'request timed out' : 'request failed without an answer', request, { status: 0, code, attempt, retrying: canRetry });
        if (!canRetry) throw outcome.timedOut ? timeoutError(service, timeoutMs, outcome.error) : networkError(service, outcome.error);
        await scheduler.sleep(backoffDelay(attempt, retry, random), request.signal);
        continue;
      }

      const { status } = outcome;
      const signals = readRateSignals(policy, status, outcome.headers, scheduler.now());

      const refusal = readRefusal(service, status, outcome.body);
      if (refusal?.kind === 'sign-in' && credentials) {
        if (credentials.refresh && !refreshed) {
          refreshed = true;
          log('debug', 'token refused; refreshing once before giving up', request, { status, attempt });
          if (await credentials.refresh(request.signal)) {
            attempt--;
            continue;
          }
        }
        throw latch(request, status);
      }
      if (refusal?.kind === 'api-disabled') throw apiDisabledError(service, refusal.detail);

      if (signals.throttled) {
        throttles++;
        // Without a Retry-After (MAL never sends one) each further refusal doubles the pause.
        const pauseMs = gate.observe(signals, Math.min(retry.maxPauseMs, policy.throttlePauseMs * 2 ** (throttles - 1)));
        const canRetry = attempt < retry.maxAttempts;
        log('warn', 'service refused the request as too many; pausing this account', request, { status, attempt, pauseMs, cloudflare: signals.cloudflare, degraded: gate.degraded, retrying: canRetry });
        if (!canRetry) throw throttledTooOftenError(service, status);
        continue;
      }
      gate.observe(signals);

      if (status >= 500 || status === 408) {
        const delay = signals.retryAfterMs ?? backoffDelay(attempt, retry, random);
        const worthIt = retryableStatus(kind, status) && delay <= retry.maxPauseMs;
        const canRetry = worthIt && attempt < retry.maxAttempts;
        log('warn', 'service answered with an error', request, { status, attempt, retrying: canRetry, delayMs: delay });
        if (!canRetry) throw unavailableError(service, status, worthIt ? 'retried' : kind === 'write' ? 'write-not-repeated' : 'not-retried');
        await scheduler.sleep(delay, request.signal);
        continue;
      }
      if (attempt > 1) log('debug', 'request succeeded after retrying', request, { status, attempt });
      return toResponse(outcome, request.url);
    }
  };

  return Object.defineProperties(serviceFetch, {
    needsSignIn: { get: () => signedOut, enumerable: true },
    gate: { value: gate, enumerable: true },
  }) as AccountFetch;
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** A fresh Response over the buffered body; encoding and length headers described the wire, not this body. */
function toResponse(outcome: Extract<Attempt, { kind: 'response' }>, url: string): Response {
  const headers = new Headers(outcome.headers);
  headers.delete('content-encoding');
  headers.delete('content-length');
  const body = NULL_BODY_STATUSES.has(outcome.status) ? null : outcome.body;
  const response = new Response(body, { status: outcome.status, statusText: outcome.statusText, headers });
  Object.defineProperty(response, 'url', { value: url });
  return response;
}
