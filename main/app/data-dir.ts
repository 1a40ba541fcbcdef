import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_FOLDER_NAME = 'Kizuna';

/**
 * The folder Electron uses as `userData` for an app named Kizuna, worked out without Electron, so the
 * desktop app, `kizuna serve` and the CLI share one data folder by default.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_FOLDER_NAME);
}

/** `--data-dir`, else KIZUNA_DATA_DIR, else the OS's usual application-data folder. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return resolve(flag);
  if (env.KIZUNA_DATA_DIR) return resolve(env.KIZUNA_DATA_DIR);
  return defaultDataDir(process.platform, env);
}
