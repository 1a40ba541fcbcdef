import envPaths from 'env-paths';
import { resolve } from 'node:path';

/** `--data-dir`, else KIZUNA_DATA_DIR, else the OS's usual application-data folder. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return resolve(flag);
  if (env.KIZUNA_DATA_DIR) return resolve(env.KIZUNA_DATA_DIR);
  return envPaths('Kizuna', { suffix: '' }).data;
}
