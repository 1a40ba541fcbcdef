import type { AnimeLinks, EpisodeRange, IdKind, LinkHit, MappingLookup, MappingSourceName, SeasonHit, SeasonMapping } from '../../../../../main/mapping/model';
import { SOURCE_PRECEDENCE } from '../../../../../main/mapping/model';

/**
 * An in-memory MappingLookup over hand-written AnimeLinks, answering in the order the interface promises
 * (source precedence, then AniList id), so resolver tests state exactly what each table says.
 */

export function links(source: MappingSourceName, anilistId: number, rest: Partial<AnimeLinks> = {}): AnimeLinks {
  return { source, anilistId, malIds: [], anidbId: null, tvdbId: null, tmdbShowIds: [], tmdbMovieIds: [], imdbIds: [], seasons: [], ...rest };
}

/** `season('tvdb', 267440, 4, [17, 28])`: episodes 17-28 of TVDB 267440 season 4; no range is the whole season. */
export function season(provider: 'tvdb' | 'tmdb', showId: number, number: number, range?: [number, number | null], rest: Partial<SeasonMapping> = {}): SeasonMapping {
  const episodes: EpisodeRange[] = range ? [{ start: range[0], end: range[1] }] : [];
  return { provider, showId: String(showId), season: number, episodes, ratio: 1, offset: range ? range[0] - 1 : 0, ...rest };
}

function ordered(all: readonly AnimeLinks[]): AnimeLinks[] {
  return [...all].sort((a, b) => SOURCE_PRECEDENCE.indexOf(a.source) - SOURCE_PRECEDENCE.indexOf(b.source) || (a.anilistId ?? 0) - (b.anilistId ?? 0));
}

function externalIds(entry: AnimeLinks, kind: IdKind): string[] {
  switch (kind) {
    case 'anilist':
      return entry.anilistId === null ? [] : [String(entry.anilistId)];
    case 'mal':
      return entry.malIds.map(String);
    case 'anidb':
      return entry.anidbId === null ? [] : [String(entry.anidbId)];
    case 'tvdb':
      return entry.tvdbId === null ? [] : [String(entry.tvdbId)];
    case 'tmdb_show':
      return entry.tmdbShowIds.map(String);
    case 'tmdb_movie':
      return entry.tmdbMovieIds.map(String);
    case 'imdb':
      return entry.imdbIds;
  }
}

export function fakeLookup(all: readonly AnimeLinks[]): MappingLookup {
  const entries = ordered(all).filter((entry): entry is AnimeLinks & { anilistId: number } => entry.anilistId !== null);
  const seasonHits = (keep: (mapping: SeasonMapping) => boolean): SeasonHit[] =>
    entries.flatMap((entry) => entry.seasons.filter(keep).map((mapping) => ({ anilistId: entry.anilistId, source: entry.source, mapping })));
  return {
    bySeason: (provider, showId, number) => seasonHits((m) => m.provider === provider && m.showId === showId && m.season === number),
    byShow: (provider, showId) => seasonHits((m) => m.provider === provider && m.showId === showId),
    byExternalId: (kind, id): LinkHit[] =>
      entries.filter((entry) => externalIds(entry, kind).includes(id)).map((entry) => ({ anilistId: entry.anilistId, source: entry.source })),
    linksOf: (anilistId) => entries.filter((entry) => entry.anilistId === anilistId),
  };
}
