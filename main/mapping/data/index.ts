import type { AnimeLinks, MappingSourceName } from '../model';
import { parseAnibridgeV3 } from './anibridge-v3';
import { parseAnimeListsXml } from './anime-lists';
import { parseFribb } from './fribb';
import { parseKometaAnimeIds } from './kometa';
import { parsePlexAniBridgeV2 } from './plexanibridge-v2';

export { MappingDataError } from './loader-support';

/** The downloadable community tables (the override source is the person's own, kept elsewhere). */
export type TableSourceName = Exclude<MappingSourceName, 'override'>;

export const TABLE_SOURCES: readonly TableSourceName[] = ['anibridge-v3', 'plexanibridge-v2', 'anime-lists', 'kometa', 'fribb'];

/** One parser per source: text in, every entry out, or a MappingDataError naming the file and entry. */
export const PARSERS: Readonly<Record<TableSourceName, (text: string, file?: string) => AnimeLinks[]>> = {
  'anibridge-v3': parseAnibridgeV3,
  'plexanibridge-v2': parsePlexAniBridgeV2,
  'anime-lists': parseAnimeListsXml,
  kometa: parseKometaAnimeIds,
  fribb: parseFribb,
};
