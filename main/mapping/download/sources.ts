import type { TableSourceName } from '../data/index';

/**
 * Where each table is published (../shared/data/mappings/README.md), in SOURCE_PRECEDENCE order. Raw GitHub
 * files answer with ETag and Last-Modified, so an unchanged file costs one 304. anibridge v3 is a release
 * asset (the JSON payload; the YAML edits file is a subset and parses too). All are overridable in settings.
 */
export const DEFAULT_MAPPING_URLS: Readonly<Record<TableSourceName, string>> = {
  'anibridge-v3': 'https://github.com/anibridge/anibridge-mappings/releases/download/v3/mappings.json',
  'plexanibridge-v2': 'https://raw.githubusercontent.com/eliasbenb/PlexAniBridge-Mappings/v2/mappings.json',
  'anime-lists': 'https://raw.githubusercontent.com/Anime-Lists/anime-lists/master/anime-list-master.xml',
  kometa: 'https://raw.githubusercontent.com/Kometa-Team/Anime-IDs/master/anime_ids.json',
  fribb: 'https://raw.githubusercontent.com/Fribb/anime-lists/master/anime-list-full.json',
};

/** The largest file accepted by default: the biggest today (Fribb full, ~6 MB; anibridge v3 JSON, tens of MB) with room to grow. */
export const DEFAULT_MAX_BYTES = 96 * 1024 * 1024;

/** A fresh file with fewer than this share of the last good copy's entries is taken for a truncated or broken publish. */
export const MIN_ENTRY_SHARE = 0.5;

/** Name of the kept copy in <dataDir>/mappings/: the extension follows the content, since v3 may be YAML or JSON. */
export function copyFileName(source: TableSourceName, text: string): string {
  if (source === 'anime-lists') return `${source}.xml`;
  const first = text.trimStart()[0];
  return `${source}.${first === '{' || first === '[' ? 'json' : 'yaml'}`;
}
