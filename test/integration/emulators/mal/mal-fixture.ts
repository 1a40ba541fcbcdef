import { manualClock, type ManualClock } from '../../../emulators/common/clock';
import { FaultInjector, type FaultPlan } from '../../../emulators/common/faults';
import { startHttpService, type RunningService } from '../../../emulators/common/http-service';
import { RequestLog } from '../../../emulators/common/request-log';
import { createMalService } from '../../../emulators/mal/index';
import type { SeedWorld } from '../../../emulators/seed/world';

export const DEMO_CLIENT = 'kizuna-demo-mal';
export const DEMO_REDIRECT = 'http://127.0.0.1:47824/callback';
/** 43 unreserved characters: the shortest verifier RFC 7636 allows. */
export const VERIFIER = 'abcdefghijklmnopqrstuvwxyz0123456789-._~ABC';

export interface MalFixture {
  base: string;
  service: ReturnType<typeof createMalService>;
  clock: ManualClock;
  log: RequestLog;
  faults: FaultInjector;
  /** A fresh access token for the demo client, without the browser dance. */
  token(): string;
  get(path: string, init?: { token?: string | null; clientId?: string; headers?: Record<string, string> }): Promise<Response>;
  send(method: string, path: string, form: Record<string, string> | string, token?: string): Promise<Response>;
  close(): Promise<void>;
}

/** The MAL emulator on 127.0.0.1, port 0, with a manual clock, its own request log and fault injector. */
export async function startMal(world: SeedWorld, options: { limits?: Record<string, unknown>; autoApprove?: boolean; faults?: FaultPlan } = {}): Promise<MalFixture> {
  const clock = manualClock();
  const log = new RequestLog();
  const faults = new FaultInjector(options.faults);
  const service = createMalService(world, { clock, autoApprove: options.autoApprove ?? false, limits: options.limits ?? {} });
  const running: RunningService = await startHttpService(service, { log, faults, clock });
  const base = running.baseUrl;
  const token = () => service.state.oauth.issueTokens(DEMO_CLIENT).access_token;
  return {
    base,
    service,
    clock,
    log,
    faults,
    token,
    get: (path, init = {}) => {
      const headers: Record<string, string> = { ...init.headers };
      if (init.clientId) headers['x-mal-client-id'] = init.clientId;
      const bearer = init.token === undefined ? token() : init.token;
      if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
      return fetch(path.startsWith('http') ? path : `${base}${path}`, { headers, redirect: 'manual' });
    },
    send: (method, path, form, bearer) =>
      fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${bearer ?? token()}`, ...(typeof form === 'string' ? { 'content-type': 'application/json' } : {}) },
        body: typeof form === 'string' ? form : new URLSearchParams(form),
      }),
    close: () => running.close(),
  };
}
