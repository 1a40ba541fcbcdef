import type Database from 'better-sqlite3';
import type { BuiltInClients } from '../auth/clients/built-in-clients';
import type { BrowserOpener } from '../auth/open-browser';
import type { ServicesConfig } from './services-config';
import type { EventName, EventPayload, HostKind, SecretStoreKind, Settings } from '../../shared/contract';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  log(level: LogLevel, message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** Where tokens live. Keys are ours (e.g. "anilist:1234"); values never reach a file in plain text or a log. */
export interface SecretStore {
  readonly kind: SecretStoreKind;
  /** One sentence for the user about where secrets are kept. */
  readonly detail: string;
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  /** Returns whether a secret was there to delete. */
  delete(key: string): Promise<boolean>;
}

/** Persists settings. Electron uses electron-store; the server and CLI use conf in the data folder. */
export interface SettingsStore {
  read(): Settings;
  write(settings: Settings): void;
}

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface EventBus {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  subscribe(listener: EventListener): () => void;
}

export interface CorePorts {
  host: HostKind;
  version: string;
  dataDir: string;
  db: Database.Database;
  secrets: SecretStore;
  settings: SettingsStore;
  logger: Logger;
  /** Where the services live, and the KIZUNA_SERVICES file it came from (null: the real services). */
  services: { config: ServicesConfig; file: string | null };
  events?: EventBus;
  /** Opens sign-in pages: shell.openExternal in Electron; none in the server (the UI shows a link) and CLI prints the URL. */
  browser?: BrowserOpener;
  /** API clients shipped with the build, or named by the services file. */
  builtInClients?: BuiltInClients;
  /** Test seams for sign-in flows: a clock to poll against and the loopback wait. */
  signIn?: { now?: () => number; sleep?: (ms: number, signal?: AbortSignal) => Promise<void>; loopbackTimeoutMs?: number; fetchImpl?: typeof fetch };
}
