import { join } from 'node:path';
import { installSeedMappings } from '../../emulators/seed/mapping-links';
import { createCore, type Core } from '../../../main/app/core';
import { createLogger } from '../../../main/app/logger';
import type { LogLevel, SecretStore } from '../../../main/app/ports';
import { createRedactor } from '../../../main/app/redact';
import { createSettingsStore } from '../../../main/app/settings-store';
import { openDatabase } from '../../../main/db/open-database';
import type { EventName, Settings } from '../../../shared/contract';
import type { FaultPlan } from '../../emulators/common/faults';
import type { SeedName } from '../../emulators/seed/world';
import type { StartEmulatorsOptions } from '../../emulators/start-emulators';
import { memorySecretStore } from '../../support/memory-secret-store';
import { fakeBrowser, startAuthWorld, type AuthWorld } from '../auth/support';

/**
 * A real core over a SQLite file whose four accounts are connected to the emulators through the real sign-in
 * flows (the emulators approve by themselves), on the system clock so rate limits refill as in life. The
 * secret store and settings live outside the core, so a test can "kill" the core and open a new one on the
 * same data folder, as a restarted app would.
 */
export interface SyncWorld {
  auth: AuthWorld;
  dataDir: string;
  core: Core;
  events: Array<{ event: EventName; payload: unknown }>;
  logLines: string[];
  /** Closes the core (not the emulators) and opens a new one on the same data: a restart. */
  restart(): Core;
  updateSettings(patch: (settings: Settings) => Settings): void;
  close(): Promise<void>;
}

export interface SyncWorldOptions {
  dataDir: string;
  seed?: SeedName;
  faults?: FaultPlan;
  /** Which services to connect (all four by default). */
  services?: ReadonlyArray<'anilist' | 'mal' | 'trakt' | 'plex'>;
  /** Extra emulator limits per service, merged with the test clients (auth/support.ts). */
  limits?: StartEmulatorsOptions['limits'];
  /**
   * The fetch each core's request pipelines use, made anew for every core (each restart), so a test can cut
   * one core off the network (a killed process) without touching the next. Global fetch when absent.
   */
  makeFetch?: () => typeof fetch;
}

export async function startSyncWorld(options: SyncWorldOptions): Promise<SyncWorld> {
  const auth = await startAuthWorld({
    autoApprove: true,
    realTime: true,
    seed: options.seed ?? 'small',
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const { store: secrets } = memorySecretStore();
  const settings = createSettingsStore({ store: {} });
  settings.write({ ...settings.read(), signIn: { loopbackPort: auth.port } });
  const events: SyncWorld['events'] = [];
  const logLines: string[] = [];

  const open = (): Core => {
    const db = openDatabase(join(options.dataDir, 'kizuna.db'));
    const logger = createLogger({ redactor: createRedactor(), level: 'info', file: join(options.dataDir, 'logs', 'kizuna.log'), sink: (line: string, _level: LogLevel) => void logLines.push(line) });
    const core = createCore({
      host: 'server',
      version: '0.0.0-test',
      dataDir: options.dataDir,
      db,
      secrets: secrets as SecretStore,
      settings,
      logger,
      services: { config: auth.emulators.servicesConfig, file: null },
      builtInClients: auth.emulators.servicesConfig.clients,
      browser: fakeBrowser({ decision: 'approve' }),
      ...(options.makeFetch ? { signIn: { fetchImpl: options.makeFetch() } } : {}),
    });
    core.subscribe((event, payload) => void events.push({ event, payload }));
    return core;
  };

  const world: SyncWorld = {
    auth,
    dataDir: options.dataDir,
    core: withSeedMappings(open(), auth),
    events,
    logLines,
    restart() {
      world.core.close();
      world.core = open();
      return world.core;
    },
    updateSettings(patch) {
      settings.write(patch(settings.read()));
    },
    async close() {
      world.core.close();
      await auth.close();
    },
  };
  for (const service of options.services ?? ['anilist', 'mal', 'trakt', 'plex']) {
    const { attemptId } = await call<{ attemptId: string }>(world.core, 'accounts.connect', service === 'anilist' ? { service, method: 'code' } : { service });
    const finished = await world.core.accounts.service.finished(attemptId);
    if (finished.outcome !== 'connected') throw new Error(`sync world: ${service} did not connect: ${JSON.stringify(finished.error)}`);
  }
  return world;
}

/** The seed world's ID tables in the index, as if the app had downloaded them (Plex shows match by TVDB). */
function withSeedMappings(core: Core, auth: AuthWorld): Core {
  installSeedMappings(core.ports.db, auth.emulators.world);
  return core;
}

export async function call<T>(core: Core, method: string, input: unknown = {}): Promise<T> {
  const result = await core.dispatch(method, input);
  if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.message}`), { code: result.error.code });
  return result.value as T;
}
