import Database from 'better-sqlite3';
import { createCore, type Core } from '../../../../../../main/app/core';
import { createLogger } from '../../../../../../main/app/logger';
import type { LogLevel, Logger, SecretStore } from '../../../../../../main/app/ports';
import { createRedactor } from '../../../../../../main/app/redact';
import { realServices } from '../../../../../../main/app/services-config';
import { createSettingsStore } from '../../../../../../main/app/settings-store';
import { migrate } from '../../../../../../main/db/migrate';
import { migrations } from '../../../../../../main/db/migrations';

export interface LogLine {
  level: LogLevel;
  entry: Record<string, unknown>;
}

/** A logger whose redacted lines are kept for assertions. */
export function recordingLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = createLogger({ redactor: createRedactor(), level: 'debug', sink: (line, level) => lines.push({ level, entry: JSON.parse(line) as Record<string, unknown> }) });
  return { logger, lines };
}

const memorySecrets = (): SecretStore => {
  const values = new Map<string, string>();
  return {
    kind: 'keychain',
    detail: 'Sign-in tokens are kept in memory (test).',
    get: async (key) => values.get(key) ?? null,
    set: async (key, value) => void values.set(key, value),
    delete: async (key) => values.delete(key),
  };
};

/** The real core over real in-memory ports: SQLite, settings, logger, event bus. */
export function realCore(): { core: Core; lines: LogLine[] } {
  const db = new Database(':memory:');
  migrate(db, migrations);
  const { logger, lines } = recordingLogger();
  const core = createCore({
    host: 'electron',
    version: '0.0.0-test',
    dataDir: '/tmp/kizuna-test',
    db,
    secrets: memorySecrets(),
    settings: createSettingsStore({ store: {} }),
    logger,
    services: { config: realServices, file: null },
  });
  return { core, lines };
}
