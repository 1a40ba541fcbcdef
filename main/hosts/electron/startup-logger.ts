import type { LogFields, LogLevel, Logger } from '../../app/ports';

export interface StartupLogger extends Logger {
  /** Replays everything logged so far into the real logger and forwards from then on. */
  attach(target: Logger): void;
}

/**
 * A logger for the few steps that run before bootstrap has built the real one (opening settings, finding
 * native modules), so their warnings still end up in the log file, redacted like everything else.
 */
export function createStartupLogger(): StartupLogger {
  const pending: Array<[LogLevel, string, LogFields | undefined]> = [];
  let target: Logger | null = null;
  const log = (level: LogLevel, message: string, fields?: LogFields): void => {
    if (target) target.log(level, message, fields);
    else pending.push([level, message, fields]);
  };
  return {
    log,
    debug: (message, fields) => log('debug', message, fields),
    info: (message, fields) => log('info', message, fields),
    warn: (message, fields) => log('warn', message, fields),
    error: (message, fields) => log('error', message, fields),
    attach(next) {
      target = next;
      for (const [level, message, fields] of pending.splice(0)) next.log(level, message, fields);
    },
  };
}
