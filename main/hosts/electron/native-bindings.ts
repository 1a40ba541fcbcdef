import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NativeBindings } from '../../app/bootstrap';

/** Set by scripts/start.mjs to the exact files it just built for this Electron. */
export const NATIVE_SQLITE_ENV = 'KIZUNA_NATIVE_SQLITE';
export const NATIVE_KEYTAR_ENV = 'KIZUNA_NATIVE_KEYTAR';

/** Where scripts/native-electron.mjs puts its builds, relative to the project (kept in step by a test). */
export const NATIVE_BUILD_ROOT = '.native-electron';
/** Where scripts/electron-builder-native.mjs puts the binaries inside a packaged app. */
export const PACKAGED_NATIVE_DIR = join('out', 'native');

const binaries = { sqlite: { module: 'better-sqlite3', file: 'better_sqlite3.node' }, keytar: { module: 'keytar', file: 'keytar.node' } } as const;

export interface NativeLocationInput {
  isPackaged: boolean;
  /** app.getAppPath(): the project folder in development, `.../resources/app.asar` when packaged. */
  appPath: string;
  electronVersion: string;
  platform: string;
  arch: string;
  env: NodeJS.ProcessEnv;
  exists?: (file: string) => boolean;
}

/**
 * Finds the Electron-ABI builds of better-sqlite3 and keytar. node_modules keeps the Node-ABI builds so
 * `npm test` and the CLI keep working; Electron must never load those (it would crash with a
 * NODE_MODULE_VERSION mismatch), so a missing build is an error with the command that fixes it.
 */
export function nativeBindingPaths(input: NativeLocationInput): Required<NativeBindings> {
  const exists = input.exists ?? existsSync;
  const paths = input.isPackaged ? packagedPaths(input.appPath) : developmentPaths(input);
  const missing = Object.values(paths).filter((file) => !exists(file));
  if (missing.length > 0) {
    const fix = input.isPackaged ? 'Reinstall Kizuna.' : 'Start Kizuna with `npm start`, which builds them.';
    throw new Error(`Kizuna's native modules for Electron ${input.electronVersion} are missing (${missing.join(', ')}). ${fix}`);
  }
  return paths;
}

function developmentPaths(input: NativeLocationInput): Required<NativeBindings> {
  const key = `${input.electronVersion}-${input.platform}-${input.arch}`;
  const built = (which: keyof typeof binaries): string =>
    join(input.appPath, NATIVE_BUILD_ROOT, key, binaries[which].module, 'build', 'Release', binaries[which].file);
  return {
    sqlite: input.env[NATIVE_SQLITE_ENV] || built('sqlite'),
    keytar: input.env[NATIVE_KEYTAR_ENV] || built('keytar'),
  };
}

/** Native files cannot be loaded from inside an asar archive; electron-builder unpacks them beside it. */
function packagedPaths(appPath: string): Required<NativeBindings> {
  const unpacked = appPath.endsWith('.asar') ? `${appPath}.unpacked` : appPath;
  return {
    sqlite: join(unpacked, PACKAGED_NATIVE_DIR, binaries.sqlite.file),
    keytar: join(unpacked, PACKAGED_NATIVE_DIR, binaries.keytar.file),
  };
}
