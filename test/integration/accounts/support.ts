import { join } from 'node:path';
import { createCore, type Core } from '../../../main/app/core';
import { createLogger } from '../../../main/app/logger';
import type { LogLevel } from '../../../main/app/ports';
import { createRedactor } from '../../../main/app/redact';
import { createSettingsStore } from '../../../main/app/settings-store';
import type { BuiltInClients } from '../../../main/auth/clients/built-in-clients';
import type { BrowserOpener } from '../../../main/auth/open-browser';
import { openDatabase } from '../../../main/db/open-database';
import type { AuthFinishedEvent, EventName, EventPayload } from '../../../shared/contract';
import type { AnilistService } from '../../emulators/anilist/index';
import { memorySecretStore } from '../../support/memory-secret-store';
import { startAuthWorld, type AuthWorld } from '../auth/support';

/**
 * A real core (SQLite file in a temp folder, in-memory secret store that the test can search, every log line
 * kept) whose services are the emulators, whose loopback port is the one the emulators' clients name, and
 * whose clock is the emulators' manual clock, so polling and token expiry run without waiting.
 */
export interface AccountsWorld {
  world: AuthWorld;
  core: Core;
  secrets: Map<string, string>;
  logLines: string[];
  events: Array<{ event: EventName; payload: unknown }>;
  anilist: AnilistService;
  /** Waits for an attempt to end. */
  finished(attemptId: string): Promise<AuthFinishedEvent>;
  close(): Promise<void>;
}

/** The auth world registers the emulators' demo clients on its own port; the core uses them as built in. */
export { demoClients } from '../../emulators/start-emulators';

export async function startAccountsWorld(options: { dataDir: string; browser: BrowserOpener; autoApprove?: boolean; builtInClients?: BuiltInClients }): Promise<AccountsWorld> {
  const world = await startAuthWorld({ autoApprove: options.autoApprove ?? true });
  const db = openDatabase(join(options.dataDir, 'kizuna.db'));
  const logLines: string[] = [];
  const logger = createLogger({ redactor: createRedactor(), level: 'debug', file: join(options.dataDir, 'logs', 'kizuna.log'), sink: (line: string, _level: LogLevel) => void logLines.push(line) });
  const { store: secretStore, secrets } = memorySecretStore();
  const settings = createSettingsStore({ store: {} });
  settings.write({ ...settings.read(), signIn: { loopbackPort: world.port } });
  const core = createCore({
    host: 'server',
    version: '0.0.0-test',
    dataDir: options.dataDir,
    db,
    secrets: secretStore,
    settings,
    logger,
    services: { config: world.emulators.servicesConfig, file: null },
    builtInClients: options.builtInClients ?? world.emulators.servicesConfig.clients,
    browser: options.browser,
    signIn: { now: world.now, sleep: world.sleep, loopbackTimeoutMs: 20_000 },
  });
  const events: AccountsWorld['events'] = [];
  core.subscribe((event, payload) => void events.push({ event, payload }));
  return {
    world,
    core,
    secrets,
    logLines,
    events,
    anilist: world.emulators.services.anilist as AnilistService,
    finished: (attemptId) => core.accounts.service.finished(attemptId),
    async close() {
      core.close();
      await world.close();
    },
  };
}

export function eventsOf<E extends EventName>(events: AccountsWorld['events'], name: E): Array<EventPayload<E>> {
  return events.filter((entry) => entry.event === name).map((entry) => entry.payload as EventPayload<E>);
}

export async function call<T>(core: Core, method: string, input: unknown = {}): Promise<T> {
  const result = await core.dispatch(method, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as T;
}
