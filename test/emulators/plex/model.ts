/**
 * The Media Server's library as the emulator holds it: sections and metadata items keyed by ratingKey, with the
 * user's watch state on the leaves (episodes, movies, tracks). Built once from the seed world, then changed by
 * scrobble, rate, playlist and collection requests.
 */

export type ItemType = 'movie' | 'show' | 'season' | 'episode' | 'artist' | 'album' | 'track' | 'collection';

export type SectionType = 'show' | 'movie' | 'artist';

/**
 * Metadata type numbers from the spec's own description (description.md, "List of Metadata Types"): movie 1,
 * show 2, season 3, episode 4, artist 8, album 9, track 10, playlist 15, collection 18. The spec's `MediaType`
 * enum (5 artist, 6 album, 7 track) disagrees; PMS and its clients use these.
 */
export const typeNumbers: Record<ItemType | 'playlist', number> = {
  movie: 1,
  show: 2,
  season: 3,
  episode: 4,
  artist: 8,
  album: 9,
  track: 10,
  playlist: 15,
  collection: 18,
};

export function typeFromNumber(value: number): ItemType | undefined {
  return (Object.keys(typeNumbers) as Array<ItemType | 'playlist'>).find((name) => name !== 'playlist' && typeNumbers[name] === value) as ItemType | undefined;
}

export interface PlexSection {
  id: number;
  /** The seed's library key, for tests that look a section up by what the seed called it. */
  seedKey: string;
  title: string;
  type: SectionType;
  agent: string;
  scanner: string;
  uuid: string;
  holds: 'anime' | 'shows' | 'movies' | 'music';
  /** Top-level items (shows, movies or artists) in seed order. */
  rootKeys: number[];
  createdAt: number;
}

export interface PlexItem {
  ratingKey: number;
  type: ItemType;
  sectionId: number;
  title: string;
  /** `plex://show/<24 hex>` for matched items, `local://<ratingKey>` when no agent matched. */
  guid: string;
  /** `imdb://…`, `tmdb://…`, `tvdb://…`: sent only with includeGuids=1 on lists (API-NOTES §2). */
  externalGuids: string[];
  parentKey?: number;
  childKeys: number[];
  index?: number;
  year?: number;
  summary?: string;
  originalTitle?: string;
  genres: string[];
  /** Milliseconds, on leaves. */
  duration?: number;
  /** Unix seconds. */
  addedAt: number;
  updatedAt: number;
  /** The seed key this item came from (show key, title key, track key), for tests. */
  seedKey?: string;
  /** Collections only: `movie`, `show`, `artist`, `album`. */
  subtype?: string;
  viewCount: number;
  /** Unix seconds. */
  lastViewedAt?: number;
  /** Milliseconds into an unfinished leaf. */
  viewOffset?: number;
  userRating?: number;
  lastRatedAt?: number;
}

export const leafTypes: ReadonlySet<ItemType> = new Set(['movie', 'episode', 'track']);

export function isLeaf(item: PlexItem): boolean {
  return leafTypes.has(item.type);
}
