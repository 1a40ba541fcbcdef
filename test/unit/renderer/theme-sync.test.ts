import { describe, expect, it } from 'vitest';
import { createSettingsStore } from '../../../renderer/state/settings-store';
import { applyTheme, rememberedTheme, syncTheme, type ThemeMemory, type ThemeRoot } from '../../../renderer/state/theme-sync';
import { createClient, defaultSettings } from '../../../shared/contract';
import { FakeTransport } from './fakes';

function fakeRoot(): ThemeRoot & { attrs: Map<string, string> } {
  const attrs = new Map<string, string>();
  return {
    attrs,
    setAttribute: (name, value) => void attrs.set(name, value),
    removeAttribute: (name) => void attrs.delete(name),
  };
}

function memory(initial: Record<string, string> = {}): ThemeMemory & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (key) => data[key] ?? null, setItem: (key, value) => void (data[key] = value) };
}

describe('theme sync', () => {
  it("leaves 'system' to prefers-color-scheme and pins light or dark with data-theme", () => {
    const root = fakeRoot();
    applyTheme(root, 'dark');
    expect(root.attrs.get('data-theme')).toBe('dark');
    applyTheme(root, 'system');
    expect(root.attrs.has('data-theme')).toBe(false);
  });

  it('applies the remembered theme before settings load, then follows the settings store', () => {
    const root = fakeRoot();
    const mem = memory({ 'kizuna.theme': 'light' });
    const store = createSettingsStore(createClient(new FakeTransport({})), () => undefined);
    syncTheme(store, root, mem);
    expect(root.attrs.get('data-theme')).toBe('light');
    store.getState().applyRemote({ ...defaultSettings, appearance: { theme: 'dark' } });
    expect(root.attrs.get('data-theme')).toBe('dark');
    expect(mem.data['kizuna.theme']).toBe('dark');
  });

  it('falls back to system when storage is blocked or holds junk', () => {
    const throwing: ThemeMemory = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => undefined,
    };
    expect(rememberedTheme(throwing)).toBe('system');
    expect(rememberedTheme(memory({ 'kizuna.theme': 'neon' }))).toBe('system');
    expect(rememberedTheme(null)).toBe('system');
  });
});
