import { afterEach } from 'vitest';
import { manualClock, type ManualClock } from '../../../emulators/common/clock';
import { FaultInjector, type FaultPlan } from '../../../emulators/common/faults';
import { startHttpService } from '../../../emulators/common/http-service';
import { RequestLog } from '../../../emulators/common/request-log';
import { createAnilistService, type AnilistService } from '../../../emulators/anilist/index';
import type { SeedWorld } from '../../../emulators/seed/world';
import { testWorld } from './fixtures';

/** One AniList emulator on a real port with a manual clock, closed after the test. */
export interface Harness {
  service: AnilistService;
  baseUrl: string;
  clock: ManualClock;
  log: RequestLog;
  token: string;
  /** POST /graphql with JSON; `token: null` sends no Authorization header. */
  gql(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GqlResult>;
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

export interface GqlResult {
  status: number;
  headers: Headers;
  body: { data?: Record<string, unknown> | null; errors?: Array<Record<string, unknown>> };
}

export interface HarnessOptions {
  world?: SeedWorld;
  limits?: Record<string, unknown>;
  autoApprove?: boolean;
  faults?: FaultPlan;
}

export function useAnilist(): (options?: HarnessOptions) => Promise<Harness> {
  const open: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((close) => close()));
  });
  return async (options = {}) => {
    const clock = manualClock();
    const log = new RequestLog();
    const service = createAnilistService(options.world ?? testWorld(), { clock, autoApprove: options.autoApprove ?? false, limits: options.limits ?? {} });
    const running = await startHttpService(service, { log, clock, faults: new FaultInjector(options.faults) });
    open.push(() => running.close());
    const token = service.issueToken();
    const fetchPath = (path: string, init?: RequestInit) => fetch(`${running.baseUrl}${path}`, { redirect: 'manual', ...init });
    return {
      service,
      baseUrl: running.baseUrl,
      clock,
      log,
      token,
      fetch: fetchPath,
      gql: async (query, variables = {}, useToken = token) => {
        const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
        if (useToken) headers.authorization = `Bearer ${useToken}`;
        const response = await fetchPath('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
        return { status: response.status, headers: response.headers, body: (await response.json()) as GqlResult['body'] };
      },
    };
  };
}
