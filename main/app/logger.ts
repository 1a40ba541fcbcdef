import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LogFields, LogLevel, Logger } from './ports';
import type { Redactor } from './redact';

const levelRank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const MAX_LOG_BYTES = 5 * 1024 * 1024;

export interface LoggerOptions {
  /** JSON-lines file; rotated to `<file>.1` when it passes 5 MiB. */
  file?: string;
  level?: LogLevel;
  redactor: Redactor;
  /** Extra sink (tests, the console in development). Receives the already-redacted line. */
  sink?: (line: string, level: LogLevel) => void;
}

function serialise(value: unknown): unknown {
  if (value instanceof Error) {
    return { name: value.name, message: value.message, stack: value.stack, cause: value.cause === undefined ? undefined : serialise(value.cause) };
  }
  return value;
}

/** A logger that redacts every line before it leaves the process's memory. */
export function createLogger(options: LoggerOptions): Logger {
  const threshold = levelRank[options.level ?? 'info'];
  if (options.file) mkdirSync(dirname(options.file), { recursive: true });

  const write = (line: string): void => {
    if (!options.file) return;
    try {
      if ((statSync(options.file, { throwIfNoEntry: false })?.size ?? 0) > MAX_LOG_BYTES) {
        renameSync(options.file, `${options.file}.1`);
      }
      appendFileSync(options.file, `${line}\n`, { mode: 0o600 });
    } catch {
      // A full disk or a read-only folder must not take the app down with it; the sink still sees the line.
    }
  };

  const log = (level: LogLevel, message: string, fields?: LogFields): void => {
    if (levelRank[level] < threshold) return;
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level, message };
    for (const [key, value] of Object.entries(fields ?? {})) entry[key] = serialise(value);
    const line = options.redactor.redact(JSON.stringify(entry));
    write(line);
    options.sink?.(line, level);
  };

  return {
    log,
    debug: (message, fields) => log('debug', message, fields),
    info: (message, fields) => log('info', message, fields),
    warn: (message, fields) => log('warn', message, fields),
    error: (message, fields) => log('error', message, fields),
  };
}
