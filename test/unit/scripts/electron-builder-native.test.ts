import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagedBinaryCopies, packagingTarget, PACKAGED_NATIVE_DIR } from '../../../scripts/electron-builder-native.mjs';

describe('electron-builder beforeBuild hook', () => {
  it('targets the Electron version, platform and arch electron-builder is packaging', () => {
    const target = packagingTarget({ platform: { nodeName: process.platform }, arch: 'arm64', electronVersion: '45.4.1' }, '/p');
    expect(target).toEqual({ runtime: 'electron', version: '45.4.1', platform: process.platform, arch: 'arm64' });
  });

  it('refuses to cross-compile native modules for another OS', () => {
    const other = process.platform === 'win32' ? 'linux' : 'win32';
    expect(() => packagingTarget({ platform: { nodeName: other }, arch: 'x64', electronVersion: '45.4.1' }, '/p')).toThrow(/cannot be cross-compiled/);
  });

  it('copies each binary into out/native under its own file name', () => {
    expect(packagedBinaryCopies('/p', { 'better-sqlite3': '/b/x/better_sqlite3.node', keytar: '/b/y/keytar.node' })).toEqual([
      { from: '/b/x/better_sqlite3.node', to: join('/p', PACKAGED_NATIVE_DIR, 'better_sqlite3.node') },
      { from: '/b/y/keytar.node', to: join('/p', PACKAGED_NATIVE_DIR, 'keytar.node') },
    ]);
    expect(PACKAGED_NATIVE_DIR).toBe(join('out', 'native'));
  });
});
