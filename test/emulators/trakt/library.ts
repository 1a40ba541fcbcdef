import type { SeedTraktItem, SeedWorld } from '../seed/world';
import type { EpisodeRecord, MediaRecord, MovieRecord } from './catalogue-types';
import { recordKey } from './catalogue-types';
import type { Catalogue } from './lookup';
import { isoTime } from './media';

export interface WatchlistEntry {
  /** The list item id Trakt returns as `id`. */
  id: number;
  rank: number;
  /** Milliseconds since the epoch. */
  listedAt: number;
  notes: string | null;
  record: MediaRecord;
}

export interface HistoryEntry {
  /** The 64-bit history id `/sync/history/remove {ids:[…]}` takes. */
  id: number;
  watchedAt: number;
  action: 'watch' | 'scrobble' | 'checkin';
  record: MovieRecord | EpisodeRecord;
}

export interface RatingEntry {
  record: MediaRecord;
  rating: number;
  ratedAt: number;
}

/**
 * GET /sync/last_activities, field for field as the spec lists it. Values are milliseconds; the app gates
 * its reads on these, so every write that changes a category moves its stamp (and `all`).
 */
export function emptyActivities(at: number) {
  const stamp = <K extends string>(...keys: K[]) => Object.fromEntries(keys.map((key) => [key, at])) as Record<K, number>;
  return {
    movies: stamp('watched_at', 'collected_at', 'rated_at', 'watchlisted_at', 'favorited_at', 'commented_at', 'paused_at', 'hidden_at'),
    episodes: stamp('watched_at', 'collected_at', 'rated_at', 'watchlisted_at', 'commented_at', 'paused_at'),
    shows: stamp('rated_at', 'watchlisted_at', 'favorited_at', 'commented_at', 'hidden_at', 'dropped_at'),
    seasons: stamp('rated_at', 'watchlisted_at', 'commented_at', 'hidden_at'),
    comments: stamp('liked_at', 'reacted_at', 'blocked_at'),
    lists: stamp('liked_at', 'reacted_at', 'updated_at', 'commented_at'),
    watchlist: stamp('updated_at'),
    favorites: stamp('updated_at'),
    collaborations: stamp('updated_at'),
    account: stamp('settings_at', 'followed_at', 'following_at', 'pending_at', 'requested_at'),
    saved_filters: stamp('updated_at'),
    notes: stamp('updated_at'),
  };
}

export type Activities = ReturnType<typeof emptyActivities>;
export type MediaCategory = 'movies' | 'shows' | 'seasons' | 'episodes';

export const categoryOf = (record: MediaRecord): MediaCategory => `${record.type}s` as MediaCategory;

/** The user's watchlist, history and ratings, seeded from SeedWorld.trakt and changed by the sync endpoints. */
export class TraktLibrary {
  watchlist: WatchlistEntry[] = [];
  history: HistoryEntry[] = [];
  readonly ratings = new Map<string, RatingEntry>();
  readonly activities: Activities;
  private nextListItemId = 1_000_001;
  private nextHistoryId = 8_000_000_001;

  constructor(world: SeedWorld, catalogue: Catalogue, now: number) {
    // Before any seeded activity, so a fresh account still has stamps; never in the emulator's future.
    this.activities = emptyActivities(Math.min(now, Date.UTC(2020, 0, 1)));
    const seeded = [...world.trakt.watchlist].sort((a, b) => a.listedAt - b.listedAt);
    for (const item of seeded) {
      const record = resolveSeedItem(catalogue, item);
      if (record) this.addToWatchlist(record, item.listedAt * 1000);
    }
    for (const play of world.trakt.history) {
      const record = resolveSeedItem(catalogue, { type: play.type, key: play.key, season: play.season, episode: play.episode, listedAt: play.watchedAt });
      if (record?.type === 'movie' || record?.type === 'episode') this.addPlay(record, play.watchedAt * 1000, 'watch', play.watchedAt * 1000);
    }
    for (const rating of world.trakt.ratings) {
      const record = resolveSeedItem(catalogue, { type: rating.type, key: rating.key, season: rating.season, episode: rating.episode, listedAt: rating.ratedAt });
      if (record) this.rate(record, rating.rating, rating.ratedAt * 1000, rating.ratedAt * 1000);
    }
  }

  onWatchlist(record: MediaRecord): WatchlistEntry | undefined {
    const key = recordKey(record);
    return this.watchlist.find((entry) => recordKey(entry.record) === key);
  }

  /** `at` is both the listed_at and the activity stamp (a live write passes the clock's now). */
  addToWatchlist(record: MediaRecord, at: number): WatchlistEntry {
    const entry: WatchlistEntry = { id: this.nextListItemId++, rank: this.watchlist.length + 1, listedAt: at, notes: null, record };
    this.watchlist.push(entry);
    this.touch(categoryOf(record), 'watchlisted_at', at);
    return entry;
  }

  removeFromWatchlist(record: MediaRecord, at: number): boolean {
    const entry = this.onWatchlist(record);
    if (!entry) return false;
    this.watchlist = this.watchlist.filter((candidate) => candidate !== entry).map((candidate, index) => ({ ...candidate, rank: index + 1 }));
    this.touch(categoryOf(record), 'watchlisted_at', at);
    return true;
  }

  /**
   * Adds one play. The real API adds a play on every call, even for the same item and watched_at (see
   * history.ts). `stampAt` moves last_activities: the write's own time, not the (possibly past) watched_at.
   */
  addPlay(record: MovieRecord | EpisodeRecord, watchedAt: number, action: HistoryEntry['action'], stampAt: number): HistoryEntry {
    const entry: HistoryEntry = { id: this.nextHistoryId++, watchedAt, action, record };
    this.history.push(entry);
    this.touch(categoryOf(record), 'watched_at', stampAt);
    return entry;
  }

  removePlays(predicate: (entry: HistoryEntry) => boolean, at: number): HistoryEntry[] {
    const removed = this.history.filter(predicate);
    if (removed.length === 0) return removed;
    this.history = this.history.filter((entry) => !predicate(entry));
    for (const entry of removed) this.touch(categoryOf(entry.record), 'watched_at', at);
    return removed;
  }

  rate(record: MediaRecord, rating: number, ratedAt: number, stampAt: number): void {
    this.ratings.set(recordKey(record), { record, rating, ratedAt });
    this.touch(categoryOf(record), 'rated_at', stampAt);
  }

  unrate(record: MediaRecord, at: number): boolean {
    const removed = this.ratings.delete(recordKey(record));
    if (removed) this.touch(categoryOf(record), 'rated_at', at);
    return removed;
  }

  /** Stamps only move forward, so a seeded stamp later than the emulator's clock is never undone. */
  private touch(category: MediaCategory, field: 'watchlisted_at' | 'watched_at' | 'rated_at', at: number): void {
    const group = this.activities[category] as Record<string, number>;
    if (field in group) group[field] = Math.max(group[field] ?? 0, at);
    if (field === 'watchlisted_at') this.activities.watchlist.updated_at = Math.max(this.activities.watchlist.updated_at, at);
  }

  lastActivities(): Record<string, unknown> {
    let all = 0;
    const groups = Object.fromEntries(
      Object.entries(this.activities).map(([name, group]) => [
        name,
        Object.fromEntries(
          Object.entries(group as Record<string, number>).map(([field, value]) => {
            all = Math.max(all, value);
            return [field, isoTime(value)];
          }),
        ),
      ]),
    );
    return { all: isoTime(all), ...groups };
  }
}

function resolveSeedItem(catalogue: Catalogue, item: SeedTraktItem): MediaRecord | undefined {
  if (item.type === 'movie') return catalogue.movieByKey(item.key);
  const show = catalogue.showBySeedKey(item.key);
  if (!show) return undefined;
  if (item.type === 'show') return show;
  if (item.type === 'season') return item.season === undefined ? undefined : catalogue.season(show, item.season);
  return item.season === undefined || item.episode === undefined ? undefined : catalogue.episode(show, item.season, item.episode);
}
