import type { TraktSyncItems, TraktSyncRef } from '../../providers/trakt/types';
import type { PlannedWrite, WriteError } from '../model';
import type { TraktVideoTarget } from './trakt-video-read';
import { MOVIE_WATCHED, parseEpisodeKey, rating10Of } from './video-keys';

/**
 * Turning a run's Trakt writes into the few bulk calls Trakt takes (its sync endpoints take arrays: one
 * history call, one ratings call, one removal, one watchlist call each way, whatever the number of titles),
 * and telling each write what became of its part.
 */

/** What one write asks of Trakt, split by the call that carries it. */
export interface TraktPlan {
  write: PlannedWrite;
  target: TraktVideoTarget;
  /** Episode keys (or `movie`) to add one play for: only those Trakt does not have. */
  addPlays: string[];
  /** Episode keys whose plays are removed: only when the write is marked as lowering. */
  removePlays: string[];
  /** undefined: the write does not touch the rating; null: clear it. */
  rating?: number | null;
  watchlist?: boolean;
}

/** Plans one write against what Trakt has now (`watchedNow`: fresh from history). */
export function planWrite(write: PlannedWrite, target: TraktVideoTarget, watchedNow: ReadonlySet<string>): TraktPlan {
  const plan: TraktPlan = { write, target, addPlays: [], removePlays: [] };
  const lower = write.guards.includes('lowers-progress');
  for (const change of write.changes) {
    if (change.field === 'watched' && Array.isArray(change.after)) {
      const wanted = new Set(change.after.filter((key) => (target.type === 'movie' ? key === MOVIE_WATCHED : parseEpisodeKey(key) !== null)));
      plan.addPlays = [...wanted].filter((key) => !watchedNow.has(key));
      if (lower) plan.removePlays = [...watchedNow].filter((key) => !wanted.has(key));
    }
    if (change.field === 'score') plan.rating = rating10Of(change.after);
    if (change.field === 'watchlisted' && typeof change.after === 'boolean') plan.watchlist = change.after;
  }
  return plan;
}

/** A show with the named episodes under their seasons, as the bulk body wants it. */
function showRef(target: TraktVideoTarget, keys: readonly string[]): TraktSyncRef {
  const seasons = new Map<number, number[]>();
  for (const key of keys) {
    const episode = parseEpisodeKey(key);
    if (episode) seasons.set(episode.season, [...(seasons.get(episode.season) ?? []), episode.episode]);
  }
  return { ids: target.ids, seasons: [...seasons].map(([number, episodes]) => ({ number, episodes: episodes.map((episode) => ({ number: episode })) })) };
}

/** One bulk body for the plans `pick` selects, each item carrying `extra` (a rating, say). */
export function bulkOf(plans: readonly TraktPlan[], pick: (plan: TraktPlan) => readonly string[] | boolean, extra: (plan: TraktPlan) => Partial<TraktSyncRef> = () => ({})): TraktSyncItems {
  const movies: TraktSyncRef[] = [];
  const shows: TraktSyncRef[] = [];
  for (const plan of plans) {
    const picked = pick(plan);
    if (picked === false || (Array.isArray(picked) && picked.length === 0)) continue;
    if (plan.target.type === 'movie') movies.push({ ids: plan.target.ids, ...extra(plan) });
    else shows.push(Array.isArray(picked) ? { ...showRef(plan.target, picked), ...extra(plan) } : { ids: plan.target.ids, ...extra(plan) });
  }
  return { ...(movies.length > 0 ? { movies } : {}), ...(shows.length > 0 ? { shows } : {}) };
}

export function isEmpty(items: TraktSyncItems): boolean {
  return !items.movies?.length && !items.shows?.length;
}

/** The plans whose title Trakt echoed back as not found (compared by the ids they were sent with). */
export function notFoundPlans(plans: readonly TraktPlan[], notFound: { movies: unknown[]; shows: unknown[] }): Set<TraktPlan> {
  const sent = (item: unknown) => JSON.stringify((item as { ids?: unknown } | null)?.ids ?? null);
  const movies = new Set(notFound.movies.map(sent));
  const shows = new Set(notFound.shows.map(sent));
  return new Set(plans.filter((plan) => (plan.target.type === 'movie' ? movies : shows).has(JSON.stringify(plan.target.ids))));
}

export function notFoundError(title: string, what: string): WriteError {
  return { code: 'not_found', message: `Trakt does not know ${what} of "${title}", so it was not changed there. Check the title's ids on Trakt.`, retryable: false };
}
