import { manualClock, type ManualClock } from '../../../emulators/common/clock';
import { FaultInjector, type FaultPlan } from '../../../emulators/common/faults';
import { startHttpService } from '../../../emulators/common/http-service';
import { RequestLog } from '../../../emulators/common/request-log';
import { createPlexServices, type PlexState } from '../../../emulators/plex/index';
import type { SeedWorld } from '../../../emulators/seed/world';
import { fixtureWorld } from './fixture-world';

/** Both Plex hosts over real HTTP on 127.0.0.1 (port 0), with a manual clock, a request log and faults. */
export interface PlexHarness {
  plexUrl: string;
  plextvUrl: string;
  state: PlexState;
  clock: ManualClock;
  log: RequestLog;
  faults: FaultInjector;
  /** The server's own access token, as /api/v2/resources hands it out. */
  serverToken(): string;
  /** A plex.tv user token issued without the PIN flow. */
  userToken(): string;
  /** A Media Server request with the server token and `Accept: application/json` unless told otherwise. */
  pms(path: string, init?: RequestInit & { token?: string | null; xml?: boolean }): Promise<Response>;
  /** The JSON MediaContainer of a successful Media Server GET. */
  container(path: string): Promise<Record<string, unknown> & { Metadata?: Array<Record<string, unknown>> }>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  world?: SeedWorld;
  autoApprove?: boolean;
  plexLimits?: Record<string, unknown>;
  faults?: FaultPlan;
}

export async function startPlexHarness(options: HarnessOptions = {}): Promise<PlexHarness> {
  const clock = manualClock();
  const log = new RequestLog();
  const faults = new FaultInjector(options.faults);
  const common = { clock, autoApprove: options.autoApprove ?? false };
  const services = createPlexServices(options.world ?? fixtureWorld(), { ...common, limits: options.plexLimits ?? {} }, { ...common, limits: {} });
  const plex = await startHttpService(services.plex, { log, faults, clock });
  const plextv = await startHttpService(services.plextv, { log, faults, clock });
  const state = services.state;
  let userToken: string | undefined;
  const pms: PlexHarness['pms'] = (path, init = {}) => {
    const { token = state.accounts.serverToken, xml = false, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (!xml && !headers.has('accept')) headers.set('accept', 'application/json');
    if (token !== null && !headers.has('x-plex-token')) headers.set('x-plex-token', token);
    return fetch(`${plex.baseUrl}${path}`, { ...rest, headers });
  };
  return {
    plexUrl: plex.baseUrl,
    plextvUrl: plextv.baseUrl,
    state,
    clock,
    log,
    faults,
    serverToken: () => state.accounts.serverToken,
    userToken: () => (userToken ??= state.accounts.issueUserToken('test-client', clock.now())),
    pms,
    async container(path) {
      const response = await pms(path);
      if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
      return ((await response.json()) as { MediaContainer: Record<string, unknown> & { Metadata?: Array<Record<string, unknown>> } }).MediaContainer;
    },
    close: async () => {
      await Promise.all([plex.close(), plextv.close()]);
    },
  };
}

/** plex.tv request headers a well-behaved client sends (description.md's curl examples). */
export function plexTvHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { accept: 'application/json', 'x-plex-product': 'Kizuna', 'x-plex-client-identifier': 'kizuna-test-client', ...extra };
}

/** The library item the seed key names, by type (e.g. the show for a TVDB show key). */
export function itemFor(state: PlexState, seedKey: string, type: string) {
  const item = [...state.library.items.values()].find((candidate) => candidate.seedKey === seedKey && candidate.type === type);
  if (!item) throw new Error(`no ${type} for ${seedKey}`);
  return item;
}

export function sectionId(state: PlexState, seedKey: string): number {
  const section = state.library.sections.find((candidate) => candidate.seedKey === seedKey);
  if (!section) throw new Error(`no section ${seedKey}`);
  return section.id;
}
