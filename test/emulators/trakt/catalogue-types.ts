/**
 * What the Trakt emulator knows about movies, shows, seasons and episodes, built once from the seed world.
 * Field names follow Trakt's extended=full media objects so serialising is a plain copy (see media.ts).
 */

export interface MovieIds {
  trakt: number;
  slug: string;
  imdb: string | null;
  tmdb: number | null;
}

export interface ShowIds {
  trakt: number;
  slug: string;
  tvdb: number | null;
  imdb: string | null;
  tmdb: number | null;
}

export interface SeasonIds {
  trakt: number;
  tvdb: number | null;
  tmdb: number | null;
}

export interface EpisodeIds {
  trakt: number;
  tvdb: number | null;
  imdb: string | null;
  tmdb: number | null;
}

interface MediaDetails {
  title: string;
  originalTitle: string;
  year: number | null;
  overview: string;
  /** Trakt genre slugs, e.g. "science-fiction". */
  genres: string[];
  runtime: number | null;
  rating: number;
  votes: number;
  certification: string | null;
  language: string;
  country: string;
  /** Other titles the text search matches by default ("aliases", "original_title", "translations"). */
  aliases: string[];
}

export interface MovieRecord extends MediaDetails {
  type: 'movie';
  /** The seed title key. */
  key: string;
  ids: MovieIds;
  /** YYYY-MM-DD. */
  released: string | null;
}

export interface EpisodeRecord {
  type: 'episode';
  show: ShowRecord;
  season: number;
  number: number;
  /** Counted across the regular seasons; null for specials. */
  numberAbs: number | null;
  title: string;
  ids: EpisodeIds;
  /** Milliseconds (a number, not a string: a big seed has ~100k episodes). See firstAired(). */
  airedAt: number | null;
  runtime: number | null;
}

export interface SeasonRecord {
  type: 'season';
  show: ShowRecord;
  number: number;
  ids: SeasonIds;
  episodes: EpisodeRecord[];
  firstAired: string | null;
}

export interface ShowRecord extends MediaDetails {
  type: 'show';
  /** The seed show key. */
  key: string;
  ids: ShowIds;
  network: string;
  status: string;
  firstAired: string | null;
  seasons: SeasonRecord[];
}

export type MediaRecord = MovieRecord | ShowRecord | SeasonRecord | EpisodeRecord;

/** One thing a sync call can point at; the key is unique across the catalogue, e.g. "episode:5000012". */
export function recordKey(record: MediaRecord): string {
  return `${record.type}:${record.ids.trakt}`;
}

/** ISO first-aired date-time of any record that has one; a movie's release date. */
export function firstAired(record: MediaRecord): string | null {
  if (record.type === 'movie') return record.released;
  if (record.type === 'episode') return record.airedAt === null ? null : new Date(record.airedAt).toISOString();
  return record.firstAired;
}
