import { z } from 'zod';
import type { AnimeLinks, SeasonMapping } from '../model';
import { describeZodError, emptyLinks, inEntry, MappingDataError, numberList, parseJsonText, seasonMapping, textList, unique } from './loader-support';
import { ABSOLUTE_SEASON } from './ranges';

/**
 * Kometa Anime-IDs `anime_ids.json`: AniDB id → anilist, mal, tvdb (+ season and episode offset), imdb, tmdb.
 * Its README allows comma lists in the id fields ("mal_id": "18397,25781"). `tvdb_season: -1` is Anime-Lists'
 * "a" (absolute numbering) carried over; `tvdb_epoffset` is Anime-Lists' `episodeoffset`.
 */
const idField = z.union([z.number().int(), z.string()]).nullish();
const entrySchema = z.object({
  tvdb_id: z.number().int().nullish(),
  tvdb_season: z.number().int().nullish(),
  tvdb_epoffset: z.number().int().nullish(),
  mal_id: idField,
  anilist_id: idField,
  imdb_id: z.string().nullish(),
  tmdb_movie_id: idField,
  tmdb_show_id: idField,
});
type Entry = z.infer<typeof entrySchema>;

function seasonsOf(entry: Entry): SeasonMapping[] {
  if (entry.tvdb_id == null || entry.tvdb_season == null) return [];
  const season = entry.tvdb_season < 0 ? ABSOLUTE_SEASON : entry.tvdb_season;
  const offset = entry.tvdb_epoffset ?? 0;
  return [seasonMapping('tvdb', entry.tvdb_id, season, { episodes: offset > 0 ? [{ start: offset + 1, end: null }] : [], offset })];
}

function toLinks(anidbId: number, entry: Entry): AnimeLinks[] {
  const base: AnimeLinks = {
    ...emptyLinks('kometa'),
    anidbId,
    malIds: unique(numberList(entry.mal_id, 'mal_id')),
    tvdbId: entry.tvdb_id ?? null,
    tmdbShowIds: unique(numberList(entry.tmdb_show_id, 'tmdb_show_id')),
    tmdbMovieIds: unique(numberList(entry.tmdb_movie_id, 'tmdb_movie_id')),
    imdbIds: unique(textList(entry.imdb_id)),
    seasons: seasonsOf(entry),
  };
  const anilistIds = unique(numberList(entry.anilist_id, 'anilist_id'));
  // One AnimeLinks per AniList id: an AniDB entry split into several AniList entries links each of them.
  return anilistIds.length === 0 ? [base] : anilistIds.map((anilistId) => ({ ...base, anilistId }));
}

export function parseKometaAnimeIds(text: string, file = 'kometa anime_ids.json'): AnimeLinks[] {
  const root = parseJsonText(file, text);
  if (typeof root !== 'object' || root === null || Array.isArray(root)) throw new MappingDataError(file, null, 'is not a JSON object keyed by AniDB id');
  const links: AnimeLinks[] = [];
  for (const [key, value] of Object.entries(root)) {
    const label = `AniDB "${key}"`;
    if (!/^\d+$/.test(key)) throw new MappingDataError(file, label, 'key is not an AniDB id');
    const parsed = entrySchema.safeParse(value);
    if (!parsed.success) throw new MappingDataError(file, label, describeZodError(parsed.error));
    links.push(...inEntry(file, label, () => toLinks(Number(key), parsed.data)));
  }
  return links;
}
