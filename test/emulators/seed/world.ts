/**
 * The seed world: one user's media life across the four services, from which every emulator builds its own
 * state. Titles carry real AniList, MAL, AniDB, TVDB, TMDB and IMDb ids taken from the community mapping
 * data, so matching is tested on real links; list states are generated deterministically per seed.
 *
 * Emulators must treat this as read-only input and copy what they need into their own mutable state.
 */

export type SeedName = 'small' | '2k' | '10k';

/** AniList's MediaFormat values that we use. */
export type MediaFormat = 'TV' | 'TV_SHORT' | 'MOVIE' | 'SPECIAL' | 'OVA' | 'ONA' | 'MUSIC' | 'MANGA' | 'NOVEL' | 'ONE_SHOT';

/** AniList's MediaListStatus; MAL and Trakt map from these. */
export type ListStatus = 'CURRENT' | 'PLANNING' | 'COMPLETED' | 'DROPPED' | 'PAUSED' | 'REPEATING';

export interface SeedIds {
  anilist?: number;
  mal?: number;
  anidb?: number;
  tvdb?: number;
  tmdbShow?: number;
  tmdbMovie?: number;
  imdb?: string;
  trakt?: number;
  traktSlug?: string;
}

/**
 * One entry as AniList and MAL know it (an anime season/cour, a movie, a manga), or a non-anime show or
 * movie that only Trakt and Plex know (kind 'show' | 'movie', no AniList id).
 */
export interface SeedTitle {
  /** Stable key inside the seed, e.g. "al:21" for AniList 21, "tr:1390" for a Trakt-only show. */
  key: string;
  kind: 'anime' | 'manga' | 'show' | 'movie';
  titles: {
    romaji: string;
    english: string | null;
    native: string | null;
    synonyms: string[];
  };
  format: MediaFormat;
  year: number | null;
  /** AniList's season of the year, for anime. */
  season: 'WINTER' | 'SPRING' | 'SUMMER' | 'FALL' | null;
  episodes: number | null;
  episodeMinutes: number | null;
  chapters: number | null;
  volumes: number | null;
  genres: string[];
  /** 0-100, AniList style. */
  averageScore: number | null;
  description: string;
  isAdult: boolean;
  ids: SeedIds;
  /**
   * Where this entry's episodes sit in its TVDB show: season number and how many episodes of that season
   * come before it (split cours share a season with an offset). Season 0 is specials. Absent for movies,
   * manga and titles without a TVDB link.
   */
  tvdb?: { showKey: string; season: number; episodeOffset: number };
  /**
   * Every TVDB stretch this entry's episodes fill, in episode order; present whenever `tvdb` is (whose
   * season and offset are the first stretch's). One entry can fill several TVDB seasons: AniList's Naruto
   * (220 episodes) is TVDB seasons 1-5 (35, 48, 48, 48, 41), so its episode 36 is S02E01.
   */
  tvdbSeasons?: Array<{ season: number; episodeOffset: number; episodes: number }>;
}

/** A TVDB-style show: how Plex and Trakt group AniList entries into one show with numbered seasons. */
export interface SeedShow {
  key: string;
  kind: 'anime' | 'show';
  title: string;
  year: number | null;
  ids: SeedIds;
  genres: string[];
  overview: string;
  /** Trakt-style 0-10 rating with one decimal. */
  rating: number;
  seasons: Array<{
    number: number;
    episodeCount: number;
    /** The SeedTitles (in order) whose episodes make up this season; empty for non-anime shows. */
    titleKeys: string[];
  }>;
  /** Some anime are numbered absolutely on TVDB (one long season 1); the seed marks them for tests. */
  absoluteNumbering: boolean;
}

/** A list entry as the user keeps it on AniList or MAL. Scores are 0-100 here; each service converts. */
export interface SeedListEntry {
  titleKey: string;
  status: ListStatus;
  /** Episodes for anime, chapters for manga. */
  progress: number;
  progressVolumes: number | null;
  score: number;
  startedAt: string | null;
  completedAt: string | null;
  repeat: number;
  notes: string | null;
  private: boolean;
  hiddenFromStatusLists: boolean;
  /** Unix seconds. */
  updatedAt: number;
}

export interface SeedPlexLibrary {
  key: string;
  title: string;
  /** Plex section types: show, movie, artist. */
  type: 'show' | 'movie' | 'artist';
  /** What the user tells Kizuna the library holds. */
  holds: 'anime' | 'shows' | 'movies' | 'music';
  /** Show keys (show libraries) or title keys (movie libraries). */
  itemKeys: string[];
}

export interface SeedWatch {
  showKey: string;
  season: number;
  episode: number;
  /** Unix seconds. */
  viewedAt: number;
  viewCount: number;
}

export interface SeedMovieWatch {
  titleKey: string;
  viewedAt: number;
  viewCount: number;
}

export interface SeedTrack {
  key: string;
  title: string;
  artist: string;
  album: string;
  year: number | null;
  trackNumber: number;
  durationMs: number;
}

export interface SeedTraktItem {
  type: 'movie' | 'show' | 'season' | 'episode';
  /** A show key for show/season/episode, a title key for movies. */
  key: string;
  season?: number;
  episode?: number;
  /** Unix seconds. */
  listedAt: number;
}

export interface SeedWorld {
  seed: SeedName;
  users: {
    anilist: { id: number; name: string; scoreFormat: 'POINT_100' | 'POINT_10_DECIMAL' | 'POINT_10' | 'POINT_5' | 'POINT_3' };
    mal: { id: number; name: string };
    trakt: { username: string; slug: string; name: string; vip: boolean; watchlistLimit: number; listLimit: number };
    plex: { id: number; uuid: string; username: string; email: string; serverName: string; machineIdentifier: string };
  };
  /** Everything any service knows about: the user's titles plus a wider catalogue for search. */
  titles: SeedTitle[];
  shows: SeedShow[];
  lists: {
    anilist: SeedListEntry[];
    mal: SeedListEntry[];
  };
  plex: {
    libraries: SeedPlexLibrary[];
    watched: SeedWatch[];
    moviesWatched: SeedMovieWatch[];
    /** Plex user ratings, 0-10. */
    ratings: Array<{ key: string; rating: number }>;
    tracks: SeedTrack[];
  };
  trakt: {
    watchlist: SeedTraktItem[];
    history: Array<{ type: 'movie' | 'episode'; key: string; season?: number; episode?: number; watchedAt: number }>;
    ratings: Array<{ type: 'movie' | 'show' | 'season' | 'episode'; key: string; season?: number; episode?: number; rating: number; ratedAt: number }>;
  };
  /**
   * What the seed did on purpose, so tests can find it: disagreements between services, a split cour, an
   * absolutely numbered show, a special, a movie, a manga, a title no mapping links.
   */
  landmarks: Record<string, string>;
}
