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

/** The shared copies of the five mapping tables (data/mappings/MANIFEST.tsv), as the data loaders read them. */
export const SHARED_MAPPING_FILES = {
  'anibridge-v3': 'anibridge-v3/mappings.edits.yaml',
  'plexanibridge-v2': 'plexanibridge-v2/mappings.json',
  'anime-lists': 'anime-lists/anime-list-master.xml',
  kometa: 'kometa/anime_ids.json',
  fribb: 'fribb/anime-list-full.reconstructed.json',
} as const;

export function sharedMappingsDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(sharedDir(env), 'data', 'mappings');
}

export function sharedMappingsAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  return existsSync(resolve(sharedMappingsDir(env), 'MANIFEST.tsv'));
}
