import type { LogFields, LogLevel, Logger } from '../../main/app/ports';

export interface RecordingLogger extends Logger {
  lines: Array<{ level: LogLevel; message: string; fields: LogFields }>;
}

/** Keeps every log line for assertions: code under test must say what it dropped or retried, and never throw instead. */
export function recordingLogger(): RecordingLogger {
  const lines: RecordingLogger['lines'] = [];
  const log = (level: LogLevel, message: string, fields: LogFields = {}) => void lines.push({ level, message, fields });
  return {
    lines,
    log,
    debug: (message, fields) => log('debug', message, fields),
    info: (message, fields) => log('info', message, fields),
    warn: (message, fields) => log('warn', message, fields),
    error: (message, fields) => log('error', message, fields),
  };
}
