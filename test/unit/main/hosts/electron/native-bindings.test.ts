import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NATIVE_BUILD_ROOT, NATIVE_KEYTAR_ENV, NATIVE_SQLITE_ENV, nativeBindingPaths, PACKAGED_NATIVE_DIR } from '../../../../../main/hosts/electron/native-bindings';
import { PACKAGED_NATIVE_DIR as HOOK_PACKAGED_DIR, packagedBinaryCopies } from '../../../../../scripts/electron-builder-native.mjs';
import { binaryPathIn, buildKey, NATIVE_BUILD_ROOT as SCRIPT_BUILD_ROOT, nativeModules } from '../../../../../scripts/native-electron.mjs';
import { NATIVE_KEYTAR_ENV as START_KEYTAR_ENV, NATIVE_SQLITE_ENV as START_SQLITE_ENV } from '../../../../../scripts/start.mjs';

const everything = () => true;
const development = { isPackaged: false, appPath: '/src/kizuna', electronVersion: '45.4.1', platform: 'linux', arch: 'x64', env: {}, exists: everything };

describe('nativeBindingPaths', () => {
  it('in development, finds what scripts/native-electron.mjs builds, at the same paths', () => {
    const buildDir = join('/src/kizuna', SCRIPT_BUILD_ROOT, buildKey({ runtime: 'electron', version: '45.4.1', platform: 'linux', arch: 'x64' }));
    const [sqlite, keytar] = nativeModules.map((module) => binaryPathIn(buildDir, module));
    expect(nativeBindingPaths(development)).toEqual({ sqlite, keytar });
    expect(NATIVE_BUILD_ROOT).toBe(SCRIPT_BUILD_ROOT);
  });

  it('prefers the exact files npm start hands over, under the names start.mjs uses', () => {
    expect([NATIVE_SQLITE_ENV, NATIVE_KEYTAR_ENV]).toEqual([START_SQLITE_ENV, START_KEYTAR_ENV]);
    const env = { [NATIVE_SQLITE_ENV]: '/b/better_sqlite3.node', [NATIVE_KEYTAR_ENV]: '/b/keytar.node' };
    expect(nativeBindingPaths({ ...development, env })).toEqual({ sqlite: '/b/better_sqlite3.node', keytar: '/b/keytar.node' });
  });

  it('when packaged, loads from beside the asar where electron-builder unpacked them, ignoring the environment', () => {
    const env = { [NATIVE_SQLITE_ENV]: '/tmp/evil.node' };
    const paths = nativeBindingPaths({ ...development, isPackaged: true, appPath: '/opt/Kizuna/resources/app.asar', env });
    expect(paths).toEqual({
      sqlite: join('/opt/Kizuna/resources/app.asar.unpacked', PACKAGED_NATIVE_DIR, 'better_sqlite3.node'),
      keytar: join('/opt/Kizuna/resources/app.asar.unpacked', PACKAGED_NATIVE_DIR, 'keytar.node'),
    });
  });

  it('agrees with the packaging hook about where the binaries go', () => {
    expect(HOOK_PACKAGED_DIR).toBe(PACKAGED_NATIVE_DIR);
    const copies = packagedBinaryCopies('/src/kizuna', { 'better-sqlite3': '/x/better_sqlite3.node', keytar: '/x/keytar.node' });
    const packaged = nativeBindingPaths({ ...development, isPackaged: true, appPath: '/src/kizuna' });
    expect(copies.map((copy) => copy.to)).toEqual([packaged.sqlite, packaged.keytar]);
  });

  it('refuses to start with a missing build and says which command fixes it', () => {
    expect(() => nativeBindingPaths({ ...development, exists: (file) => !file.endsWith('keytar.node') })).toThrow(/keytar\.node.*npm start/);
    expect(() => nativeBindingPaths({ ...development, isPackaged: true, appPath: '/opt/app.asar', exists: () => false })).toThrow(/Reinstall Kizuna/);
  });
});
