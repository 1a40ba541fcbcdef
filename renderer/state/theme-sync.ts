import type { Settings } from '../../shared/contract';
import type { SettingsStore } from './settings-store';

type Theme = Settings['appearance']['theme'];

/** The <html> element as far as theming goes; a fake stands in for it in tests. */
export interface ThemeRoot {
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
}

/** Remembered only to avoid a flash of the wrong theme on the next start, before settings have loaded. */
export interface ThemeMemory {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const memoryKey = 'kizuna.theme';

/**
 * 'system' removes the attribute so the stylesheet's prefers-color-scheme rules decide; 'light' and 'dark'
 * set data-theme, which the stylesheet lets win over the OS preference.
 */
export function applyTheme(root: ThemeRoot, theme: Theme): void {
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
}

export function rememberedTheme(memory: ThemeMemory | null): Theme {
  try {
    const value = memory?.getItem(memoryKey);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    // Storage can be disabled by browser policy; the OS preference is a fine fallback.
    return 'system';
  }
}

export function syncTheme(store: SettingsStore, root: ThemeRoot, memory: ThemeMemory | null): () => void {
  applyTheme(root, rememberedTheme(memory));
  let last: Theme | null = null;
  const follow = (settings: Settings | null): void => {
    const theme = settings?.appearance.theme;
    if (!theme || theme === last) return;
    last = theme;
    applyTheme(root, theme);
    try {
      memory?.setItem(memoryKey, theme);
    } catch {
      // Not remembering only costs a brief flash on the next start.
    }
  };
  follow(store.getState().settings);
  return store.subscribe((state) => follow(state.settings));
}
