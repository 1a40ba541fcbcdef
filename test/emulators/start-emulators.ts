import type { ServicesConfig } from '../../main/app/services-config';
import type { BuiltInClients } from '../../main/auth/clients/built-in-clients';
import { createAnilistService } from './anilist/index';
import { systemClock, type Clock } from './common/clock';
import { FaultInjector, type FaultPlan } from './common/faults';
import { startHttpService, type RunningService } from './common/http-service';
import { RequestLog } from './common/request-log';
import type { ServiceDefinition } from './common/service';
import { createMalService } from './mal/index';
import { createPlexServices } from './plex/index';
import { buildSeedWorld } from './seed/index';
import type { SeedName, SeedWorld } from './seed/world';
import { createTraktService } from './trakt/index';

export type ServiceName = 'anilist' | 'mal' | 'trakt' | 'plex' | 'plextv';
export const serviceNames: readonly ServiceName[] = ['anilist', 'mal', 'trakt', 'plex', 'plextv'];

export interface StartEmulatorsOptions {
  seed?: SeedName;
  /** A ready world instead of a named seed (tests that need a tiny, hand-made one). */
  world?: SeedWorld;
  /** Per service, e.g. { anilist: { perMinute: 30 } }. */
  limits?: Partial<Record<ServiceName, Record<string, unknown>>>;
  faults?: FaultPlan;
  autoApprove?: boolean;
  clock?: Clock;
  /** Fixed ports per service (the CLI's --port-base); 0 or absent picks free ones. */
  ports?: Partial<Record<ServiceName, number>>;
}

export interface RunningEmulators {
  world: SeedWorld;
  /** Base URL of each emulated host. */
  urls: Record<ServiceName, string>;
  /** What the app reads through KIZUNA_SERVICES. */
  servicesConfig: ServicesConfig;
  log: RequestLog;
  faults: FaultInjector;
  clock: Clock;
  /** The service objects, for tests that inspect or change emulator state directly. */
  services: Record<ServiceName, ServiceDefinition>;
  close(): Promise<void>;
}

/** Starts every emulator on 127.0.0.1 over one seed world. */
export async function startEmulators(options: StartEmulatorsOptions = {}): Promise<RunningEmulators> {
  const world = options.world ?? buildSeedWorld(options.seed ?? 'small');
  const clock = options.clock ?? systemClock;
  const log = new RequestLog();
  const faults = new FaultInjector(options.faults);
  const common = (name: ServiceName) => ({ clock, autoApprove: options.autoApprove ?? false, limits: options.limits?.[name] ?? {} });
  const plex = createPlexServices(world, common('plex'), common('plextv'));
  const services: Record<ServiceName, ServiceDefinition> = {
    anilist: createAnilistService(world, common('anilist')),
    mal: createMalService(world, common('mal')),
    trakt: createTraktService(world, common('trakt')),
    plex: plex.plex,
    plextv: plex.plextv,
  };
  const running: RunningService[] = [];
  try {
    for (const name of serviceNames) {
      running.push(await startHttpService(services[name], { port: options.ports?.[name] ?? 0, log, faults, clock }));
    }
  } catch (error) {
    await Promise.all(running.map((service) => service.close()));
    throw error;
  }
  const urls = Object.fromEntries(running.map((service) => [service.name, service.baseUrl])) as Record<ServiceName, string>;
  return {
    world,
    urls,
    servicesConfig: servicesConfigFor(urls),
    log,
    faults,
    clock,
    services,
    close: async () => {
      await Promise.all(running.map((service) => service.close()));
    },
  };
}

/**
 * The API clients every emulator registers by default (anilist/options.ts, mal/options.ts, trakt/options.ts),
 * redirecting to the app's default loopback port: what the demo signs in with.
 */
export const demoClients: BuiltInClients = {
  anilist: { clientId: 'kizuna-demo', clientSecret: 'kizuna-demo-secret', pinClientId: 'kizuna-demo-pin' },
  mal: { clientId: 'kizuna-demo-mal' },
  trakt: { clientId: 'kizuna-demo-trakt', clientSecret: 'kizuna-demo-trakt-secret' },
};

/** The same paths as the real services, on the emulators' hosts, and the clients registered there. */
export function servicesConfigFor(urls: Record<ServiceName, string>): ServicesConfig {
  return {
    clients: demoClients,
    // The emulators serve no mapping tables, and the demo must never reach the internet for them.
    mappings: { 'anibridge-v3': null, 'plexanibridge-v2': null, 'anime-lists': null, kometa: null, fribb: null },
    anilist: { api: `${urls.anilist}/graphql`, auth: `${urls.anilist}/api/v2/oauth` },
    mal: { api: `${urls.mal}/v2`, auth: `${urls.mal}/v1/oauth2` },
    trakt: { api: urls.trakt, auth: urls.trakt },
    plextv: { api: `${urls.plextv}/api/v2`, auth: `${urls.plextv}/auth` },
  };
}
