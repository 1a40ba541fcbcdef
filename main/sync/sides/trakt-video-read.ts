import type Database from 'better-sqlite3';
import type { Logger } from '../../app/ports';
import { readListIfChanged } from '../../providers/cache/list-freshness';
import { onceLastActivities, traktListMarker, type TraktMarkedList } from '../../providers/cache/list-markers';
import { traktHistoryItemSchema, traktRatingItemSchema, traktWatchlistItemSchema } from '../../providers/cache/value-schemas';
import type { TraktClient } from '../../providers/trakt/client';
import { TRAKT_MAX_PAGE } from '../../providers/trakt/client';
import type { TraktHistoryItem, TraktIds, TraktMedia, TraktRatingItem, TraktWatchlistItem } from '../../providers/trakt/types';
import type { SideEntry, SideState, TitleKey } from '../model';
import { MOVIE_WATCHED, episodeKey, score100Of, sortEpisodeKeys, videoKeyOfIds, type VideoType } from './video-keys';

/**
 * Reading a Trakt account into video entries. The emulator (and this client) have no `/sync/watched`, so the
 * watched sets come from `/sync/history`, all types in one listing of 250 plays a page (a play is an episode
 * or a movie; several plays of one episode are one watched key). Ratings and the watchlist are one request
 * each: three requests for a small account. Given a database, each list is read only when its
 * `/sync/last_activities` stamps moved (DESIGN §5.1): one request when nothing changed.
 */

/** Where the last full reads are kept, to skip lists Trakt says did not change. */
export interface TraktFreshness {
  db: Database.Database;
  /** accounts.id of the Trakt account (the snapshots go with it). */
  accountId: string;
  logger?: Logger;
}

interface TraktLists {
  history: TraktHistoryItem[];
  ratings: TraktRatingItem[];
  watchlist: TraktWatchlistItem[];
}

/** The three lists, whole, or from the stored snapshots where last_activities says they did not move. */
async function readLists(client: TraktClient, signal: AbortSignal | undefined, freshness: TraktFreshness | undefined, full: boolean): Promise<TraktLists> {
  const request = signal ? { signal } : {};
  const readRatings = () => client.ratings('all', undefined, request);
  const readWatchlist = () => client.watchlist('all', undefined, request);
  if (!freshness) return { history: await readHistory(client, signal), ratings: await readRatings(), watchlist: await readWatchlist() };
  // One last_activities answer decides all three lists.
  const activities = onceLastActivities({ lastActivities: () => client.lastActivities(request) });
  const read = async <T>(list: TraktMarkedList, entrySchema: Parameters<typeof readListIfChanged<T>>[0]['entrySchema'], readAll: () => Promise<T[]>) =>
    (
      await readListIfChanged({
        db: freshness.db,
        accountId: freshness.accountId,
        // Named apart from other users of the same account's snapshots (the watchlist editor's own reads).
        list: `sync-video-${list}`,
        ...traktListMarker(activities, list),
        readAll,
        entrySchema,
        full,
        ...(freshness.logger ? { logger: freshness.logger } : {}),
      })
    ).entries;
  return {
    history: await read('history', traktHistoryItemSchema, () => readHistory(client, signal)),
    ratings: await read('ratings', traktRatingItemSchema, readRatings),
    watchlist: await read('watchlist', traktWatchlistItemSchema, readWatchlist),
  };
}

/** Where a Trakt title is: its type and the ids Trakt gave (trakt id first, so writes name it exactly). */
export interface TraktVideoTarget {
  type: VideoType;
  ids: Partial<TraktIds>;
}

interface Building {
  title: string;
  target: TraktVideoTarget;
  watched: Set<string>;
  score: number | null;
  watchlisted: boolean;
}

export interface TraktVideoSnapshot {
  entries: Map<TitleKey, SideEntry>;
  /** Titles Trakt lists that carry no TVDB/TMDB/IMDb id: they cannot meet a Plex item. */
  unkeyed: number;
}

function idsOf(ids: TraktIds): Partial<TraktIds> {
  const out: Partial<TraktIds> = { trakt: ids.trakt };
  if (ids.tvdb) out.tvdb = ids.tvdb;
  if (ids.tmdb) out.tmdb = ids.tmdb;
  if (ids.imdb) out.imdb = ids.imdb;
  return out;
}

/** The show or movie an item is about (an episode's or season's show), with its type. */
function ownerOf(item: TraktMedia): { type: VideoType; title: string; ids: TraktIds } {
  if (item.type === 'movie') return { type: 'movie', title: item.movie.title, ids: item.movie.ids };
  return { type: 'show', title: item.show.title, ids: item.show.ids };
}

/** Every play, all pages (newest first; the order does not matter to a set). */
export async function readHistory(client: TraktClient, signal?: AbortSignal): Promise<TraktHistoryItem[]> {
  const plays: TraktHistoryItem[] = [];
  for (let page = 1; ; page++) {
    const answer = await client.history(undefined, { page, limit: TRAKT_MAX_PAGE, ...(signal ? { signal } : {}) });
    plays.push(...answer.items);
    if (page >= answer.pagination.pageCount || answer.items.length === 0) return plays;
  }
}

/** The watched key one play adds: `s1e3` for an episode, `movie` for a film. */
function playKey(play: TraktHistoryItem): string | null {
  if (play.type === 'movie') return MOVIE_WATCHED;
  return play.type === 'episode' ? episodeKey(play.episode.season, play.episode.number) : null;
}

/** Only the watched sets, fresh: what a write checks before it adds plays. */
export async function readWatchedSets(client: TraktClient, signal?: AbortSignal): Promise<Map<TitleKey, Set<string>>> {
  const byKey = new Map<TitleKey, Set<string>>();
  for (const play of await readHistory(client, signal)) {
    const owner = ownerOf(play);
    const key = videoKeyOfIds(owner.type, owner.ids);
    const watched = playKey(play);
    if (!key || !watched) continue;
    byKey.set(key, (byKey.get(key) ?? new Set()).add(watched));
  }
  return byKey;
}

export async function readTraktVideo(client: TraktClient, signal?: AbortSignal, freshness?: TraktFreshness, full = true): Promise<TraktVideoSnapshot> {
  const { history, ratings, watchlist } = await readLists(client, signal, freshness, full);

  const building = new Map<TitleKey, Building>();
  const unkeyed = new Set<string>();
  const entryFor = (item: TraktMedia): Building | null => {
    const owner = ownerOf(item);
    const key = videoKeyOfIds(owner.type, owner.ids);
    if (!key) {
      unkeyed.add(`${owner.type}:${owner.ids.trakt}`);
      return null;
    }
    let entry = building.get(key);
    if (!entry) building.set(key, (entry = { title: owner.title, target: { type: owner.type, ids: idsOf(owner.ids) }, watched: new Set(), score: null, watchlisted: false }));
    return entry;
  };

  for (const play of history) {
    const watched = playKey(play);
    if (watched) entryFor(play)?.watched.add(watched);
  }
  // Only a show's or movie's own rating is its score; season and episode ratings have no Plex counterpart here.
  for (const rating of ratings) if (rating.type === 'show' || rating.type === 'movie') {
    const entry = entryFor(rating);
    if (entry) entry.score = score100Of(rating.rating);
  }
  // A season or episode on the watchlist is not the show being watchlisted; only whole titles count.
  for (const item of watchlist) if (item.type === 'show' || item.type === 'movie') {
    const entry = entryFor(item);
    if (entry) entry.watchlisted = true;
  }
  const entries = new Map<TitleKey, SideEntry>();
  for (const [titleKey, entry] of building) entries.set(titleKey, { titleKey, title: entry.title, state: stateOf(entry), target: entry.target });
  return { entries, unkeyed: unkeyed.size };
}

function stateOf(entry: Building): SideState {
  return { watched: sortEpisodeKeys(entry.watched), score: entry.score, watchlisted: entry.watchlisted };
}
