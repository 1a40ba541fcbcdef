import Database from 'better-sqlite3';
import { createCore, type Core } from '../../main/app/core';
import { createLogger } from '../../main/app/logger';
import type { LogLevel } from '../../main/app/ports';
import { createRedactor } from '../../main/app/redact';
import { realServices } from '../../main/app/services-config';
import { createSettingsStore } from '../../main/app/settings-store';
import { migrate } from '../../main/db/migrate';
import { migrations } from '../../main/db/migrations';
import { memorySecretStore } from './memory-secret-store';

export interface LoggedLine {
  level: LogLevel;
  entry: Record<string, unknown>;
}

/** A real core over an in-memory database, with every log line captured for assertions. */
export function createTestCore(): { core: Core; logged: LoggedLine[]; secrets: Map<string, string> } {
  const db = new Database(':memory:');
  migrate(db, migrations);
  const logged: LoggedLine[] = [];
  const logger = createLogger({ redactor: createRedactor(), level: 'debug', sink: (line, level) => logged.push({ level, entry: JSON.parse(line) as Record<string, unknown> }) });
  const { store: secretStore, secrets } = memorySecretStore();
  const core = createCore({ host: 'server', version: '0.0.0-test', dataDir: '/tmp/kizuna-test', db, secrets: secretStore, settings: createSettingsStore({ store: {} }), logger, services: { config: realServices, file: null } });
  return { core, logged, secrets };
}
