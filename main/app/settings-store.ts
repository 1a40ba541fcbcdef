import { normalizeSettings, type Settings } from '../../shared/contract';
import type { SettingsStore } from './ports';

/** What conf and electron-store (a subclass of conf) both offer. */
export interface JsonStoreLike {
  store: Record<string, unknown>;
}

/** Settings over a conf-style JSON store; whatever is on disk is normalised field by field on read. */
export function createSettingsStore(backing: JsonStoreLike): SettingsStore {
  return {
    read: () => normalizeSettings(backing.store),
    write: (settings: Settings) => {
      backing.store = { ...settings };
    },
  };
}
