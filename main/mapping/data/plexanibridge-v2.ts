import { z } from 'zod';
import type { AnimeLinks, SeasonMapping } from '../model';
import { describeZodError, emptyLinks, inEntry, MappingDataError, numberList, parseJsonText, seasonMapping, textList, unique } from './loader-support';
import { anilistCountOf, groupByRatio, parsePlexAniBridgeEpisodes, type RatioRange } from './ranges';

/**
 * PlexAniBridge-Mappings v2 `mappings.json`: AniList id → ids and `tvdb_mappings` {"s1": "e1-e12"}. The
 * schema is its mappings.schema.json (every field optional and nullable; ids a number or a list).
 */
const idOrList = z.union([z.number().int(), z.array(z.number().int())]).nullish();
const entrySchema = z.object({
  anidb_id: z.number().int().nullish(),
  anilist_id: z.number().int().nullish(),
  imdb_id: z.union([z.string(), z.array(z.string())]).nullish(),
  mal_id: idOrList,
  tmdb_movie_id: idOrList,
  tmdb_show_id: idOrList,
  tvdb_id: z.number().int().nullish(),
  tvdb_mappings: z.record(z.string(), z.string()).nullish(),
});
type Entry = z.infer<typeof entrySchema>;

/**
 * Seasons in number order (s0 first, as PlexAniBridge and anibridge v3 count One Piece's s0 e39 as episode 1),
 * AniList episodes counting on through every range: s4 "e17-e28" alone is AniList episodes 1-12 of that entry.
 * Ranges with different ratios become separate mappings, since one mapping has one ratio.
 */
function seasonsOf(tvdbId: number, mappings: Record<string, string>): SeasonMapping[] {
  const parsed = Object.entries(mappings).map(([key, value]) => {
    const match = /^s(\d+)$/.exec(key);
    if (!match) throw new Error(`season key "${key}" is not "s<number>"`);
    return { season: Number(match[1]), ranges: parsePlexAniBridgeEpisodes(value) };
  });
  parsed.sort((a, b) => a.season - b.season);
  const seasons: SeasonMapping[] = [];
  let anilistBefore = 0;
  for (const { season, ranges } of parsed) {
    if (ranges.length === 0) {
      seasons.push(seasonMapping('tvdb', tvdbId, season, { offset: 0 - anilistBefore }));
      continue;
    }
    for (const group of groupByRatio(ranges)) {
      const first = group[0] as RatioRange;
      seasons.push(seasonMapping('tvdb', tvdbId, season, { episodes: group.map((r) => r.range), ratio: first.ratio, offset: first.range.start - (anilistBefore + 1) }));
      anilistBefore += anilistCountOf(group);
    }
  }
  return seasons;
}

function toLinks(key: string, entry: Entry): AnimeLinks {
  return {
    ...emptyLinks('plexanibridge-v2'),
    anilistId: Number(key),
    anidbId: entry.anidb_id ?? null,
    malIds: unique(numberList(entry.mal_id, 'mal_id')),
    tvdbId: entry.tvdb_id ?? null,
    tmdbShowIds: unique(numberList(entry.tmdb_show_id, 'tmdb_show_id')),
    tmdbMovieIds: unique(numberList(entry.tmdb_movie_id, 'tmdb_movie_id')),
    imdbIds: unique(textList(entry.imdb_id)),
    seasons: entry.tvdb_id != null && entry.tvdb_mappings ? seasonsOf(entry.tvdb_id, entry.tvdb_mappings) : [],
  };
}

export function parsePlexAniBridgeV2(text: string, file = 'plexanibridge-v2 mappings.json'): AnimeLinks[] {
  const root = parseJsonText(file, text);
  if (typeof root !== 'object' || root === null || Array.isArray(root)) throw new MappingDataError(file, null, 'is not a JSON object keyed by AniList id');
  const links: AnimeLinks[] = [];
  for (const [key, value] of Object.entries(root)) {
    if (key.startsWith('$')) continue;
    const label = `AniList "${key}"`;
    if (!/^\d+$/.test(key)) throw new MappingDataError(file, label, 'key is not an AniList id');
    const parsed = entrySchema.safeParse(value);
    if (!parsed.success) throw new MappingDataError(file, label, describeZodError(parsed.error));
    links.push(inEntry(file, label, () => toLinks(key, parsed.data)));
  }
  return links;
}
