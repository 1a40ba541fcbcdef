import { existsSync, renameSync } from 'node:fs';
import type { Logger } from './ports';

export interface RecoveryOptions<T> {
  open: () => T;
  /** The JSON file `open` reads. */
  file: string;
  logger: Logger;
  now?: () => number;
  rename?: (from: string, to: string) => void;
  exists?: (file: string) => boolean;
}

/**
 * Opens a JSON-backed store; when the file is damaged (hand-edited, half-written) it is moved aside, never
 * deleted, and the store starts from defaults. Used for conf (server, CLI) and electron-store (desktop) alike.
 */
export function openWithRecovery<T>(options: RecoveryOptions<T>): T {
  try {
    return options.open();
  } catch (error) {
    const exists = options.exists ?? existsSync;
    if (!exists(options.file)) throw error;
    const aside = `${options.file}.damaged-${(options.now ?? Date.now)()}`;
    (options.rename ?? renameSync)(options.file, aside);
    options.logger.warn('settings file was damaged; moved aside and using defaults', { file: options.file, aside, error });
    return options.open();
  }
}
