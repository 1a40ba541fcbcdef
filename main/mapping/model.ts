/**
 * The shared vocabulary of matching (DESIGN §6, issue 5): what the ID tables say, what a query from Plex or
 * Trakt looks like, and what a match answers. Loaders (data/), the index (index/), the title matcher
 * (titles/) and the resolver (resolve/) all speak these types, so each can be built and tested alone.
 */

/** The community tables Kizuna reads, and the person's own decisions, which beat every table. */
export type MappingSourceName = 'override' | 'anibridge-v3' | 'plexanibridge-v2' | 'anime-lists' | 'kometa' | 'fribb';

/** Most trusted first: a link from an earlier source wins where two disagree. */
export const SOURCE_PRECEDENCE: readonly MappingSourceName[] = ['override', 'anibridge-v3', 'plexanibridge-v2', 'anime-lists', 'kometa', 'fribb'];

export type IdKind = 'anilist' | 'mal' | 'anidb' | 'tvdb' | 'tmdb_show' | 'tmdb_movie' | 'imdb';

/** A run of episode numbers, both ends included; `end: null` is an open range ("e13-": 13 to the season's end). */
export interface EpisodeRange {
  start: number;
  end: number | null;
}

/**
 * Where one AniList entry sits in a TVDB or TMDB show: which season, and which of that season's episodes.
 * `episodes` empty means the whole season. `ratio` is PlexAniBridge's "|n": n provider episodes per AniList
 * episode (a negative n: |n| AniList episodes per provider episode); 1 when absent. `offset`: AniList
 * episode = provider episode − offset within the ranges (Anime-Lists `episodeoffset`; absolute numbering).
 */
export interface SeasonMapping {
  provider: 'tvdb' | 'tmdb';
  showId: string;
  /** 0 is the specials season. */
  season: number;
  episodes: EpisodeRange[];
  ratio: number;
  offset: number;
}

/** Everything one source says about one title. */
export interface AnimeLinks {
  source: MappingSourceName;
  anilistId: number | null;
  malIds: number[];
  anidbId: number | null;
  tvdbId: number | null;
  tmdbShowIds: number[];
  tmdbMovieIds: number[];
  imdbIds: string[];
  seasons: SeasonMapping[];
}

/** One AniList entry a lookup found, with the source that said so. */
export interface LinkHit {
  anilistId: number;
  source: MappingSourceName;
}

export interface SeasonHit extends LinkHit {
  mapping: SeasonMapping;
}

/**
 * Read side of the merged ID index. Every answer is ordered by SOURCE_PRECEDENCE, then AniList id; a
 * source that disagrees with a more trusted one is still returned (the resolver weighs agreement), but an
 * override that unlinks a pair removes it.
 */
export interface MappingLookup {
  /** AniList entries mapped into this provider season, each with the episodes of it that it covers. */
  bySeason(provider: 'tvdb' | 'tmdb', showId: string, season: number): SeasonHit[];
  /** Every season mapping of a show (for absolute numbering across seasons, and the reverse lookup). */
  byShow(provider: 'tvdb' | 'tmdb', showId: string): SeasonHit[];
  /** AniList entries linked to an external id (`imdb` values keep their "tt" prefix). */
  byExternalId(kind: IdKind, id: string): LinkHit[];
  /** What every source says about one AniList entry, most trusted first. */
  linksOf(anilistId: number): AnimeLinks[];
}

/** An item from Plex or Trakt, as the resolver and the benchmark see it. */
export interface MatchQuery {
  type: 'show' | 'movie';
  title: string;
  year?: number | null;
  /** The Plex/Trakt season the item is in (shows); 0 is specials. */
  season?: number | null;
  /** Episode numbers within `season`, when the question is about episodes. */
  episodes?: EpisodeRange | null;
  /** Show or movie GUIDs: `tvdb://76885`, `tmdb://30991`, `imdb://tt0213338`, `plex://show/…`. */
  guids: string[];
  /** The season's own GUIDs (`tvdb://11636` is a TVDB season id, not a show id). */
  seasonGuids?: string[];
  /** Which numbering the season follows, e.g. "tvdb" or "tmdb(trakt)"; absent: unknown. */
  seasonOrdering?: string | null;
}

/** A reason for (or against) a candidate, shown to the person in the review queue. */
export interface Evidence {
  kind: 'override' | 'id-table' | 'title' | 'year' | 'type' | 'season' | 'episodes' | 'online-search' | 'conflict';
  /** One short sentence, e.g. "TVDB 76885 season 1 → AniList 1 (PlexAniBridge)". */
  detail: string;
  /** How much it moved the confidence; negative counts against. */
  weight: number;
}

export interface Candidate {
  anilistId: number;
  /** 0..1. */
  confidence: number;
  evidence: Evidence[];
  /** The episodes of the query's season this entry covers, where a table says so. */
  episodes?: EpisodeRange[];
}

/**
 * The resolver's answer: matched ids best first (several for a season split into cours), or an abstention
 * with ranked candidates (the item goes to the review queue), or `ignored`: the person said never to sync
 * this item (an override), so it is neither synced nor queued.
 */
export interface MatchResult {
  status: 'matched' | 'abstain' | 'ignored';
  anilistIds: number[];
  confidence: number;
  candidates: Candidate[];
}
