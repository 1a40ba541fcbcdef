/**
 * What the Plex Media Server client hands to the app: camelCase, service-neutral shapes. Times are Unix
 * seconds as PMS writes them; `viewOffset` and `duration` are milliseconds. Field meanings follow the spec's
 * `Metadata` schema (specs/plex-api-spec.yaml) and API-NOTES §2.
 */

/**
 * The external ids of the modern agents' `Guid` list (`tvdb://`, `tmdb://`, `imdb://` with includeGuids=1),
 * the reliable keys now that legacy agents such as HAMA are going away (API-NOTES "Plex facts").
 */
export interface PlexExternalIds {
  tvdb?: number;
  tmdb?: number;
  imdb?: string;
}

export type PlexItemType = 'movie' | 'show' | 'season' | 'episode' | 'artist' | 'album' | 'track' | 'collection' | 'playlist';

/** Metadata type numbers PMS uses in `type=` (description.md "List of Metadata Types"). */
export const plexTypeNumbers: Record<PlexItemType, number> = { movie: 1, show: 2, season: 3, episode: 4, artist: 8, album: 9, track: 10, playlist: 15, collection: 18 };

export interface PlexSection {
  /** The section id used in /library/sections/{id}/all. */
  key: string;
  title: string;
  /** `show`, `movie`, `artist` or `photo`. */
  type: string;
  agent: string | null;
  uuid: string | null;
}

export interface PlexItem {
  ratingKey: string;
  type: string;
  title: string;
  /** `plex://show/…` for agent-matched items, `local://…` otherwise. */
  guid: string | null;
  externalIds: PlexExternalIds;
  year: number | null;
  /** Season or episode number; track number on albums. */
  index: number | null;
  /** An episode's season number. */
  parentIndex: number | null;
  parentRatingKey: string | null;
  grandparentRatingKey: string | null;
  parentTitle: string | null;
  grandparentTitle: string | null;
  sectionId: string | null;
  /** Plays of a leaf (0 when PMS leaves the field out, as it does until the first play). */
  viewCount: number;
  lastViewedAt: number | null;
  viewOffset: number | null;
  /** Episodes under a show or season, and how many are watched. */
  leafCount: number | null;
  viewedLeafCount: number | null;
  childCount: number | null;
  /** 0-10; null when unrated. */
  userRating: number | null;
  duration: number | null;
  addedAt: number | null;
  updatedAt: number | null;
  /** Collections: what they hold (`movie`, `show`…). */
  subtype: string | null;
}

export interface PlexPlaylist {
  ratingKey: string;
  title: string;
  /** `audio`, `video` or `photo`. */
  playlistType: string;
  smart: boolean;
  leafCount: number;
  duration: number | null;
}

/** An item in a playlist, with the entry id that move and remove take (one item may be in a playlist twice). */
export type PlexPlaylistEntry = PlexItem & { playlistItemId: number };

/** A page-following read: items of every page, plus what the server said the total was. */
export interface PlexList<T> {
  items: T[];
  totalSize: number;
}
