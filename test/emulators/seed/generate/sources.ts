import { XMLParser } from 'fast-xml-parser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogSource } from '../catalog';

/**
 * Reads the pinned copies of the community mapping datasets in ../shared/data/mappings. Only the generator
 * uses this; the committed catalogue is what everything else reads.
 */

/** PlexAniBridge-Mappings v2: keyed by AniList id. */
export interface AnibridgeEntry {
  anidb_id?: number;
  mal_id?: number | number[];
  tvdb_id?: number;
  tvdb_mappings?: Record<string, string>;
  tmdb_show_id?: number | number[];
  tmdb_movie_id?: number | number[];
  imdb_id?: string | string[];
}

/** One <anime> of Anime-Lists' anime-list-master.xml. */
export interface AnimeListsEntry {
  anidb: number;
  name: string;
  /** A TVDB id, or a kind word: movie, OVA, hentai, web, "tv special", "music video", other, unknown. */
  tvdbid: string;
  defaultSeason: string;
}

/** Fribb's full list rebuilt from its indices: keyed by AniDB id, used for the Anime-Planet slug and MAL id. */
export interface FribbEntry {
  anidb_id?: number;
  anilist_id?: number;
  mal_id?: number;
  'anime-planet_id'?: string;
}

export interface MappingSources {
  anibridge: Map<number, AnibridgeEntry>;
  animeLists: Map<number, AnimeListsEntry>;
  fribbByAnidb: Map<number, FribbEntry>;
  sources: CatalogSource[];
}

export function readMappingSources(dir: string): MappingSources {
  const raw = JSON.parse(readFileSync(join(dir, 'plexanibridge-v2/mappings.json'), 'utf8')) as Record<string, AnibridgeEntry>;
  const anibridge = new Map<number, AnibridgeEntry>();
  for (const [id, entry] of Object.entries(raw)) if (/^\d+$/.test(id)) anibridge.set(Number(id), entry);

  const fribbByAnidb = new Map<number, FribbEntry>();
  const fribb = JSON.parse(readFileSync(join(dir, 'fribb/anime-list-full.reconstructed.json'), 'utf8')) as FribbEntry[];
  for (const entry of fribb) if (entry.anidb_id !== undefined && !fribbByAnidb.has(entry.anidb_id)) fribbByAnidb.set(entry.anidb_id, entry);

  return { anibridge, animeLists: readAnimeLists(join(dir, 'anime-lists/anime-list-master.xml')), fribbByAnidb, sources: readManifest(dir) };
}

function readAnimeLists(file: string): Map<number, AnimeListsEntry> {
  // Names such as "Conan &amp; Heiji" need entity decoding, which is why this is a real XML parser.
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, parseTagValue: false, isArray: (name) => name === 'anime' });
  const document = parser.parse(readFileSync(file, 'utf8')) as { 'anime-list': { anime: Array<Record<string, unknown>> } };
  const result = new Map<number, AnimeListsEntry>();
  for (const anime of document['anime-list'].anime) {
    const anidb = Number(anime.anidbid);
    const name = anime.name;
    if (!Number.isInteger(anidb) || typeof name !== 'string' || name.trim() === '') continue;
    result.set(anidb, { anidb, name: name.trim(), tvdbid: String(anime.tvdbid ?? ''), defaultSeason: String(anime.defaulttvdbseason ?? '') });
  }
  return result;
}

/** Which dataset a manifest row belongs to, with the licence its repository states. */
const datasets: Array<{ folder: string; dataset: string; licence: string; used: string[] }> = [
  { folder: 'plexanibridge-v2', dataset: 'PlexAniBridge-Mappings v2', licence: 'MIT', used: ['mappings.json'] },
  { folder: 'anime-lists', dataset: 'Anime-Lists', licence: 'none stated', used: ['anime-list-master.xml'] },
  { folder: 'fribb', dataset: 'Fribb anime-lists', licence: 'none stated', used: ['anime-list-full.json (rebuilt from its indices)'] },
];

function readManifest(dir: string): CatalogSource[] {
  const lines = readFileSync(join(dir, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1);
  const rows = lines.map((line) => line.split('\t'));
  return datasets.map(({ folder, dataset, licence, used }) => {
    const row = rows.find((columns) => columns[0]?.startsWith(`${folder}/`));
    if (!row) throw new Error(`MANIFEST.tsv has no row for ${folder}/`);
    return { dataset, repo: row[1] ?? '', commit: row[3] ?? '', commitDate: row[4] ?? '', files: used, licence };
  });
}
