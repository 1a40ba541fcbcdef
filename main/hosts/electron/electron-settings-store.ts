import ElectronStore from 'electron-store';
import { join } from 'node:path';
import type { Logger, SettingsStore } from '../../app/ports';
import { createSettingsStore } from '../../app/settings-store';
import { openWithRecovery } from '../../app/settings-recovery';

const SETTINGS_NAME = 'settings';

/** Settings in electron-store (a conf subclass) in the app's data folder, normalised by the shared store. */
export function openElectronSettingsStore(dataDir: string, logger: Logger): SettingsStore {
  const store = openWithRecovery({
    // clearInvalidConfig: false, so a damaged file is kept for the user instead of silently wiped.
    open: () => new ElectronStore<Record<string, unknown>>({ name: SETTINGS_NAME, cwd: dataDir, clearInvalidConfig: false }),
    file: join(dataDir, `${SETTINGS_NAME}.json`),
    logger,
  });
  return createSettingsStore(store);
}
