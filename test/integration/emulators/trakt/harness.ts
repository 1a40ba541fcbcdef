import { manualClock, type ManualClock } from '../../../emulators/common/clock';
import { FaultInjector, type FaultPlan } from '../../../emulators/common/faults';
import { startHttpService } from '../../../emulators/common/http-service';
import { RequestLog } from '../../../emulators/common/request-log';
import type { SeedWorld } from '../../../emulators/seed/world';
import { createTraktService, defaultTraktClient, type TraktService } from '../../../emulators/trakt/index';
import { fixtureWorld } from './fixture-world';

export interface TraktHarness {
  baseUrl: string;
  service: TraktService;
  clock: ManualClock;
  log: RequestLog;
  faults: FaultInjector;
  /** A token for the seed user, issued directly (tests that are not about OAuth). */
  token: string;
  api(method: string, path: string, options?: CallOptions): Promise<Answer>;
  /** A POST of a JSON body to the auth host. */
  auth(path: string, body: unknown): Promise<Answer>;
  close(): Promise<void>;
}

export interface CallOptions {
  body?: unknown;
  /** null sends no Authorization header; default: the harness token. */
  token?: string | null;
  headers?: Record<string, string>;
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export const clientId = defaultTraktClient.id;
export const clientSecret = defaultTraktClient.secret;
export const redirectUri = defaultTraktClient.redirectUris[0] as string;

/** Starts the emulator over real HTTP on port 0, on a manual clock so tests move time instead of sleeping. */
export async function startTrakt(options: { limits?: Record<string, unknown>; autoApprove?: boolean; world?: SeedWorld; faults?: FaultPlan } = {}): Promise<TraktHarness> {
  const clock = manualClock();
  const log = new RequestLog();
  const faults = new FaultInjector(options.faults);
  const service = createTraktService(options.world ?? fixtureWorld(), { clock, autoApprove: options.autoApprove ?? false, limits: options.limits ?? {} });
  const running = await startHttpService(service, { log, faults, clock });
  const token = service.state.issueToken().access_token;
  const send = async (method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> => {
    const response = await fetch(`${running.baseUrl}${path}`, { method, headers, body, redirect: 'manual' });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, text, json: parsed };
  };
  return {
    baseUrl: running.baseUrl,
    service,
    clock,
    log,
    faults,
    token,
    api: (method, path, call = {}) => {
      const bearer = call.token === undefined ? token : call.token;
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'trakt-api-version': '2',
        'trakt-api-key': clientId,
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...call.headers,
      };
      return send(method, path, headers, call.body === undefined ? undefined : JSON.stringify(call.body));
    },
    auth: (path, body) => send('POST', path, { 'content-type': 'application/json' }, JSON.stringify(body)),
    close: () => running.close(),
  };
}
