import type { TraktClient } from '../../providers/trakt/client';
import type { TraktSyncItems } from '../../providers/trakt/types';
import type { ListSide, SideEntry, SideRef, SideState, SyncField, TitleKey, WriteError, WriteOutcome } from '../model';
import { writeErrorOf } from './list-entry-state';
import { bulkOf, isEmpty, notFoundError, notFoundPlans, planWrite, type TraktPlan } from './trakt-video-batch';
import { readTraktVideo, readWatchedSets, type TraktFreshness, type TraktVideoTarget } from './trakt-video-read';
import { idsOfVideoKey, sortEpisodeKeys } from './video-keys';

export interface TraktVideoSideOptions {
  ref: SideRef & { service: 'trakt'; kind: 'video' };
  client: TraktClient;
  /** With it, lists Trakt's last_activities says did not change come from the last read's snapshot. */
  freshness?: TraktFreshness;
}

const carries: readonly SyncField[] = ['watched', 'score', 'watchlisted'];

/**
 * Trakt ⇄ Plex for shows and movies (issue 6): watched episodes, the title's rating and the watchlist.
 * Writes go out in one bulk call per kind of change for the whole run. A history add counts a play per
 * item per call and Trakt never de-duplicates, so plays are planned against the history read fresh at the
 * start of each apply, and only episodes Trakt does not have are sent; a call that may or may not have landed
 * (a timeout) is not repeated by the pipeline, and the next apply's fresh read shows whether it did.
 */
export function createTraktVideoSide(options: TraktVideoSideOptions): ListSide {
  const { ref, client } = options;
  /** The last read's states, for the fields an apply does not re-read (rating, watchlist). */
  let known = new Map<TitleKey, SideState>();
  /**
   * Plays this side has sent and Trakt accepted. Counted as present even when a history read right after does
   * not show them yet (Trakt's reads can lag its writes): a play sent once is never sent again by this side.
   */
  const sent = new Map<TitleKey, Set<string>>();

  async function send(label: string, plans: readonly TraktPlan[], items: TraktSyncItems, call: (items: TraktSyncItems) => Promise<{ notFound: { movies: unknown[]; shows: unknown[] } }>, failures: Map<TraktPlan, WriteError>): Promise<void> {
    if (isEmpty(items)) return;
    try {
      const result = await call(items);
      for (const plan of notFoundPlans(plans, result.notFound)) if (!failures.has(plan)) failures.set(plan, notFoundError(plan.write.title, label));
    } catch (error) {
      // The whole call failed: every write with a part in it failed (the rest of each run's calls still go).
      for (const plan of plans) if (!failures.has(plan)) failures.set(plan, writeErrorOf(error));
    }
  }

  return {
    ref,
    carries,
    async read({ signal, full } = {}) {
      const { entries } = await readTraktVideo(client, signal, options.freshness, full ?? false);
      known = new Map([...entries].map(([key, entry]) => [key, entry.state]));
      return { side: ref, entries: [...entries.values()], unmatched: 0 };
    },

    createTarget(titleKey: TitleKey): TraktVideoTarget | null {
      return idsOfVideoKey(titleKey);
    },

    async apply(writes, { signal } = {}) {
      const request = signal ? { signal } : {};
      const outcomes = new Map<string, WriteOutcome>();
      const needsHistory = writes.some((write) => write.changes.some((change) => change.field === 'watched'));
      let fresh = new Map<TitleKey, Set<string>>();
      try {
        if (needsHistory) fresh = await readWatchedSets(client, signal);
      } catch (error) {
        // Without today's history no play can be sent safely; the writes without plays still go.
        for (const write of writes) if (write.changes.some((change) => change.field === 'watched')) outcomes.set(write.id, { writeId: write.id, ok: false, error: writeErrorOf(error) });
      }
      const plans: TraktPlan[] = [];
      for (const write of writes) {
        if (outcomes.has(write.id)) continue;
        const target = (write.target as TraktVideoTarget | null) ?? idsOfVideoKey(write.titleKey);
        if (write.op === 'remove' || !target) {
          const message = write.op === 'remove' ? `Kizuna does not delete "${write.title}" from Trakt: its history is yours to keep.` : `"${write.title}" has no id Trakt can take.`;
          outcomes.set(write.id, { writeId: write.id, ok: false, error: { code: 'validation', message, retryable: false } });
          continue;
        }
        const present = new Set([...(fresh.get(write.titleKey) ?? []), ...(sent.get(write.titleKey) ?? [])]);
        fresh.set(write.titleKey, present);
        plans.push(planWrite(write, target, present));
      }

      const failures = new Map<TraktPlan, WriteError>();
      const withPlays = plans.filter((plan) => plan.addPlays.length > 0);
      await send('the episodes', withPlays, bulkOf(withPlays, (plan) => plan.addPlays), (items) => client.addHistory(items, request), failures);
      // Recorded at once (history is the first call), so a later call's failure cannot make these be sent twice.
      for (const plan of withPlays) if (!failures.has(plan)) sent.set(plan.write.titleKey, new Set([...(sent.get(plan.write.titleKey) ?? []), ...plan.addPlays]));
      const removing = plans.filter((plan) => plan.removePlays.length > 0);
      await send('the episodes', removing, bulkOf(removing, (plan) => plan.removePlays), (items) => client.removeHistory(items, request), failures);
      const rated = plans.filter((plan) => typeof plan.rating === 'number');
      await send('the rating', rated, bulkOf(rated, () => true, (plan) => ({ rating: plan.rating as number })), (items) => client.addRatings(items, request), failures);
      const unrated = plans.filter((plan) => plan.rating === null);
      await send('the rating', unrated, bulkOf(unrated, () => true), (items) => client.removeRatings(items, request), failures);
      const listed = plans.filter((plan) => plan.watchlist === true);
      await send('the title', listed, bulkOf(listed, () => true), (items) => client.addToWatchlist(items, request), failures);
      const unlisted = plans.filter((plan) => plan.watchlist === false);
      await send('the title', unlisted, bulkOf(unlisted, () => true), (items) => client.removeFromWatchlist(items, request), failures);

      for (const plan of plans) {
        const error = failures.get(plan);
        if (error) {
          outcomes.set(plan.write.id, { writeId: plan.write.id, ok: false, error });
          continue;
        }
        const state: SideState = { ...(known.get(plan.write.titleKey) ?? { watched: [], score: null, watchlisted: false }) };
        for (const change of plan.write.changes) if (change.field === 'score' || change.field === 'watchlisted') (state as Record<string, unknown>)[change.field] = change.after;
        if (needsHistory) {
          const removed = new Set(plan.removePlays);
          const now = [...(fresh.get(plan.write.titleKey) ?? []), ...plan.addPlays].filter((key) => !removed.has(key));
          state.watched = sortEpisodeKeys(now);
        }
        known.set(plan.write.titleKey, state);
        for (const key of plan.removePlays) sent.get(plan.write.titleKey)?.delete(key);
        // Nothing left on Trakt (no play, rating or listing) is how a read sees it too: not on the list.
        const empty = (state.watched ?? []).length === 0 && (state.score ?? null) === null && state.watchlisted !== true;
        outcomes.set(plan.write.id, { writeId: plan.write.id, ok: true, state: empty ? null : state });
      }
      return writes.map((write) => outcomes.get(write.id) as WriteOutcome);
    },

    async readCurrent(titleKeys, { signal } = {}) {
      const { entries } = await readTraktVideo(client, signal);
      return new Map(titleKeys.map((key): [TitleKey, SideState | null] => [key, (entries.get(key) as SideEntry | undefined)?.state ?? null]));
    },
  };
}
