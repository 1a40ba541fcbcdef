import type { SeedName } from './world';

/**
 * How big each seed is. `small` is the hand-picked core alone (the demo); `2k` and `10k` add sampled
 * catalogue titles around the same core until the AniList list has that many entries, with MAL, Plex and
 * Trakt in realistic proportion to it.
 */
export interface SeedProfile {
  /** AniList list size (anime and manga), or 0 for "the core only". */
  anilistEntries: number;
  /** Share of sampled AniList entries that are manga. */
  mangaShare: number;
  /** Chance a sampled AniList entry with a MAL id is missing on MAL. */
  malMissing: number;
  /** Chance a sampled entry present on both differs between them. */
  malDrift: number;
  /** MAL-only entries, as a share of the AniList list. */
  malOnlyShare: number;
  /** Chance a show the user has started is in the Plex anime library (planned-only shows: a quarter of it). */
  plexShowChance: number;
  /** Chance Plex's watched episodes differ from AniList's progress for a sampled title. */
  plexDrift: number;
  /** Catalogue shows in Plex that no list mentions. */
  plexExtraShows: number;
  /** Made-up non-anime TV shows and films (Plex TV and movie libraries, Trakt). */
  tvShows: number;
  movies: number;
  /** Generated albums added to the hand-written music (8-13 tracks each). */
  fillerAlbums: number;
  /** Trakt watchlist items beyond the core ten; keep under the free account's limit of 100. */
  extraWatchlist: number;
  /** Trakt ratings beyond the core ones. */
  extraTraktRatings: number;
  /** Share of anime shows in Plex whose watches were also scrobbled to Trakt. */
  traktAnimeHistoryShare: number;
}

const small: SeedProfile = {
  anilistEntries: 0,
  mangaShare: 0,
  malMissing: 0,
  malDrift: 0,
  malOnlyShare: 0,
  plexShowChance: 0,
  plexDrift: 0,
  plexExtraShows: 1,
  tvShows: 5,
  movies: 5,
  fillerAlbums: 0,
  extraWatchlist: 0,
  extraTraktRatings: 0,
  traktAnimeHistoryShare: 0.3,
};

export const seedProfiles: Record<SeedName, SeedProfile> = {
  small,
  '2k': { ...small, anilistEntries: 2000, mangaShare: 0.05, malMissing: 0.06, malDrift: 0.05, malOnlyShare: 0.03, plexShowChance: 0.7, plexDrift: 0.04, plexExtraShows: 40, tvShows: 40, movies: 40, fillerAlbums: 12, extraWatchlist: 30, extraTraktRatings: 60 },
  '10k': { ...small, anilistEntries: 10000, mangaShare: 0.05, malMissing: 0.06, malDrift: 0.05, malOnlyShare: 0.03, plexShowChance: 0.7, plexDrift: 0.04, plexExtraShows: 150, tvShows: 120, movies: 150, fillerAlbums: 60, extraWatchlist: 85, extraTraktRatings: 200, traktAnimeHistoryShare: 0.2 },
};
