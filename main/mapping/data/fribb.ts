import { z } from 'zod';
import type { AnimeLinks, SeasonMapping } from '../model';
import { describeZodError, emptyLinks, inEntry, MappingDataError, parseJsonText, seasonMapping, unique } from './loader-support';
import { ABSOLUTE_SEASON } from './ranges';

/**
 * Fribb anime-lists: `anime-list-full.json` (every id it knows, AniList included) and the AniDB-only
 * `anime-lists-reduced.json` (same fields without anilist/mal). One array of entries; `season` and
 * `episode_offset` per provider follow Anime-Lists' defaulttvdbseason / episodeoffset, from which they come.
 * Many other ids (kitsu, simkl, ...) are present and ignored.
 */
const seasonPair = z.object({ tvdb: z.number().int().nullish(), tmdb: z.number().int().nullish() }).nullish();
const entrySchema = z.object({
  anidb_id: z.number().int().nullish(),
  anilist_id: z.number().int().nullish(),
  mal_id: z.number().int().nullish(),
  tvdb_id: z.number().int().nullish(),
  themoviedb_id: z.object({ tv: z.number().int().nullish(), movie: z.array(z.number().int()).nullish() }).nullish(),
  imdb_id: z.array(z.string()).nullish(),
  season: seasonPair,
  episode_offset: seasonPair,
});
type Entry = z.infer<typeof entrySchema>;

function season(provider: 'tvdb' | 'tmdb', showId: number | null | undefined, number: number | null | undefined, offset: number): SeasonMapping[] {
  if (showId == null || number == null) return [];
  return [seasonMapping(provider, showId, number < 0 ? ABSOLUTE_SEASON : number, { episodes: offset > 0 ? [{ start: offset + 1, end: null }] : [], offset })];
}

function toLinks(entry: Entry): AnimeLinks {
  const tmdbShow = entry.themoviedb_id?.tv ?? null;
  return {
    ...emptyLinks('fribb'),
    anilistId: entry.anilist_id ?? null,
    anidbId: entry.anidb_id ?? null,
    malIds: entry.mal_id == null ? [] : [entry.mal_id],
    tvdbId: entry.tvdb_id ?? null,
    tmdbShowIds: tmdbShow === null ? [] : [tmdbShow],
    tmdbMovieIds: unique(entry.themoviedb_id?.movie ?? []),
    imdbIds: unique(entry.imdb_id ?? []),
    seasons: [
      ...season('tvdb', entry.tvdb_id, entry.season?.tvdb, entry.episode_offset?.tvdb ?? 0),
      ...season('tmdb', tmdbShow, entry.season?.tmdb, entry.episode_offset?.tmdb ?? 0),
    ],
  };
}

/** Reads the full list and the reduced one alike; entries with neither an AniList nor an AniDB id link nothing and are left out. */
export function parseFribb(text: string, file = 'fribb anime-list-full.json'): AnimeLinks[] {
  const root = parseJsonText(file, text);
  if (!Array.isArray(root)) throw new MappingDataError(file, null, 'is not a JSON array of entries');
  const links: AnimeLinks[] = [];
  root.forEach((value: unknown, index) => {
    const parsed = entrySchema.safeParse(value);
    const anidb = typeof value === 'object' && value !== null && 'anidb_id' in value ? ` (anidb_id ${String(value.anidb_id)})` : '';
    const label = `entry #${index + 1}${anidb}`;
    if (!parsed.success) throw new MappingDataError(file, label, describeZodError(parsed.error));
    if (parsed.data.anilist_id == null && parsed.data.anidb_id == null) return;
    links.push(inEntry(file, label, () => toLinks(parsed.data)));
  });
  return links;
}
