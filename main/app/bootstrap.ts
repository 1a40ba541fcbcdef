import Conf from 'conf';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { HostKind } from '../../shared/contract';
import { loadBuiltInClients } from '../auth/clients/built-in-clients';
import type { BrowserOpener } from '../auth/open-browser';
import { chooseSecretStore, parseSecretStorePreference } from '../auth/secrets/choose-secret-store';
import type { KeytarLike } from '../auth/secrets/keychain-secret-store';
import { DATABASE_FILE_NAME, openDatabase } from '../db/open-database';
import { createCore, type Core } from './core';
import { createLogger } from './logger';
import type { LogLevel, Logger, SettingsStore } from './ports';
import { createRedactor } from './redact';
import { openWithRecovery } from './settings-recovery';
import { loadServicesConfig } from './services-config';
import { createSettingsStore } from './settings-store';
import { appVersion } from './version';

export interface NativeBindings {
  /** Path to an Electron-ABI better_sqlite3.node; Node hosts use the package's own build. */
  sqlite?: string;
  /** Path to an Electron-ABI keytar.node. */
  keytar?: string;
}

export interface BootstrapOptions {
  host: HostKind;
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  version?: string;
  /** Electron opens electron-store; others get a conf file in the data folder. Given the logger so that a damaged file is reported. */
  openSettings?: (logger: Logger) => SettingsStore;
  native?: NativeBindings;
  logLevel?: LogLevel;
  logSink?: (line: string, level: LogLevel) => void;
  /** How sign-in pages are opened; without one the page's address goes to the UI (or terminal) instead. */
  browser?: BrowserOpener;
}

export const LOG_FILE_RELATIVE = join('logs', 'kizuna.log');

/** Builds the real ports for a host (log, database, secrets, settings) and the core on top of them. */
export async function bootstrap(options: BootstrapOptions): Promise<Core> {
  const env = options.env ?? process.env;
  const redactor = createRedactor();
  // Read first: a bad KIZUNA_SERVICES file must stop start-up before anything is opened.
  const services = { config: loadServicesConfig(env), file: env.KIZUNA_SERVICES ? resolve(env.KIZUNA_SERVICES) : null };
  const builtInClients = loadBuiltInClients(env, services.config.clients);
  const logger = createLogger({ file: join(options.dataDir, LOG_FILE_RELATIVE), level: options.logLevel ?? 'info', redactor, sink: options.logSink });
  const db = openDatabase(join(options.dataDir, DATABASE_FILE_NAME), { logger, nativeBinding: options.native?.sqlite });
  try {
    const secrets = await chooseSecretStore({
      dataDir: options.dataDir,
      preference: parseSecretStorePreference(env.KIZUNA_SECRET_STORE),
      passphrase: env.KIZUNA_SECRET_KEY,
      loadKeytar: () => loadKeytar(options.native?.keytar),
      redactor,
      logger,
    });
    const settings = options.openSettings ? options.openSettings(logger) : createSettingsStore(openSettingsFile(options.dataDir, logger));
    return createCore({ host: options.host, version: options.version ?? appVersion, dataDir: options.dataDir, db, secrets, settings, logger, services, builtInClients, browser: options.browser });
  } catch (error) {
    db.close();
    throw error;
  }
}

export async function loadKeytar(nativePath?: string): Promise<KeytarLike> {
  if (nativePath) return createRequire(import.meta.url)(nativePath) as KeytarLike;
  const module = (await import('keytar')) as { default?: KeytarLike } & KeytarLike;
  return module.default ?? module;
}

/** Settings in conf's JSON file; a damaged file is moved aside (never deleted) and the defaults are used. */
export function openSettingsFile(dataDir: string, logger: Logger): Conf<Record<string, unknown>> {
  return openWithRecovery({
    open: () => new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'settings', projectName: 'kizuna', clearInvalidConfig: false }),
    file: join(dataDir, 'settings.json'),
    logger,
  });
}
