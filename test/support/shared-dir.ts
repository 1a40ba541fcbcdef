import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The workspace's shared folder (real API specs, mapping data, the matching benchmark): `$KIZUNA_SHARED_DIR`,
 * else `../shared` beside the project. It is reference data that is not committed here.
 */
export function sharedDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.KIZUNA_SHARED_DIR ? resolve(env.KIZUNA_SHARED_DIR) : resolve(projectRoot, '..', 'shared');
}

export function sharedSpecsAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  return existsSync(resolve(sharedDir(env), 'specs'));
}
