import { expect } from 'vitest';
import type { Scheduler } from '../../../../main/providers/http/scheduler';
import { AppError } from '../../../../shared/contract/errors';
import type { ManualClock } from '../../../emulators/common/clock';
import type { LoggedRequest } from '../../../emulators/common/request-log';
import type { RunningEmulators } from '../../../emulators/start-emulators';

/**
 * Helpers for running the service clients over the real request pipeline against the emulators
 * (test/integration/providers/{anilist,mal,trakt,plex}/*-pipeline.test.ts and the abort tests).
 */

/** The AppError a promise rejects with; fails the test if it resolves or rejects with anything else. */
export async function failure(promise: Promise<unknown>): Promise<AppError> {
  const outcome = await promise.then(
    (value: unknown) => ({ resolved: value }),
    (caught: unknown) => ({ caught }),
  );
  if (!('caught' in outcome)) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.resolved)?.slice(0, 200)}`);
  expect(outcome.caught).toBeInstanceOf(AppError);
  return outcome.caught as AppError;
}

/** Status and injected fault of each logged request, e.g. `429 rate-limited`, `0 reset`, `200`. */
export function statuses(entries: readonly LoggedRequest[]): string[] {
  return entries.map((entry) => (entry.fault ? `${entry.status} ${entry.fault}` : String(entry.status)));
}

/**
 * A fetch for the pipeline's `fetchImpl` that lets `edit` change every successful JSON answer before the
 * pipeline sees it: a service that has changed its response shape, arriving through the real pipeline.
 */
export function editingFetch(edit: (body: unknown) => void): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return response;
    const body: unknown = await response.json();
    edit(body);
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    return new Response(JSON.stringify(body), { status: response.status, statusText: response.statusText, headers });
  };
}

/** Walks `path` (keys and indexes) into a parsed body and deletes the last key, failing loudly if absent. */
export function deleteAt(body: unknown, path: ReadonlyArray<string | number>): void {
  let node: unknown = body;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, unknown> | undefined)?.[key];
  const last = path[path.length - 1]!;
  if (typeof node !== 'object' || node === null || !(last in node)) throw new Error(`the answer has no ${path.join('.')} to delete`);
  delete (node as Record<string | number, unknown>)[last];
}

/**
 * A scheduler on the shared manual clock whose waits never end unless aborted: a request that fails once
 * stays parked in its backoff, so a test can abort it there and see that no retry goes out.
 */
export function stalledScheduler(clock: ManualClock): Scheduler & { waiting: () => number } {
  let waiting = 0;
  return {
    waiting: () => waiting,
    now: () => clock.now(),
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (ms <= 0) {
          resolve();
          return;
        }
        const stop = () => reject(signal?.reason ?? new DOMException('This operation was aborted', 'AbortError'));
        if (signal?.aborted) {
          stop();
          return;
        }
        waiting += 1;
        signal?.addEventListener('abort', stop, { once: true });
      }),
  };
}

/** Waits (in real time, briefly) until `condition` holds: for a request to reach the emulator, a backoff to start. */
export async function until(condition: () => boolean, what: string, timeoutMs = 2_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A plex.tv user token through the PIN flow (the emulators must run with autoApprove). */
export async function plexToken(emulators: RunningEmulators, clientIdentifier: string): Promise<string> {
  const plextv = emulators.servicesConfig.plextv.api;
  const headers = { accept: 'application/json', 'x-plex-product': 'Kizuna', 'x-plex-client-identifier': clientIdentifier };
  const pin = (await (await fetch(`${plextv}/pins?strong=true`, { method: 'POST', headers })).json()) as { id: number };
  for (let poll = 0; poll < 5; poll++) {
    const state = (await (await fetch(`${plextv}/pins/${pin.id}`, { headers })).json()) as { authToken: string | null };
    if (state.authToken) return state.authToken;
  }
  throw new Error('the auto-approved PIN never got a token (start the emulators with autoApprove)');
}
