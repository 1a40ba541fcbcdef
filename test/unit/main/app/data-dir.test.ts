import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from '../../../../main/app/data-dir';

describe('data folder', () => {
  it('prefers --data-dir, then KIZUNA_DATA_DIR', () => {
    expect(resolveDataDir('rel/dir', { KIZUNA_DATA_DIR: '/env/dir' })).toBe(resolve('rel/dir'));
    expect(resolveDataDir(undefined, { KIZUNA_DATA_DIR: '/env/dir' })).toBe('/env/dir');
  });

  it("defaults to the folder Electron uses as userData, so every host shares it", () => {
    expect(defaultDataDir('linux', {}, '/home/yui')).toBe('/home/yui/.config/Kizuna');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/yui')).toBe('/xdg/Kizuna');
    expect(defaultDataDir('darwin', {}, '/Users/yui')).toBe('/Users/yui/Library/Application Support/Kizuna');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\yui\\AppData\\Roaming' }, 'C:\\Users\\yui')).toMatch(/Roaming.Kizuna$/);
  });
});
