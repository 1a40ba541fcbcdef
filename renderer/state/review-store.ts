import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Client } from '../../shared/contract';
import type { ReviewCandidate, ReviewDecision, ReviewItem, overrideViewSchema } from '../../shared/contract/matching';
import type { z } from 'zod';
import { errorMessage } from './error-message';

export type OverrideView = z.infer<typeof overrideViewSchema>;

export interface ReviewState {
  status: 'loading' | 'ready' | 'failed';
  items: ReviewItem[];
  total: number;
  error: string | null;
  /** AniList search results per review item, when the person searched from it. */
  searches: Readonly<Record<number, { query: string; results: ReviewCandidate[]; error: string | null; busy: boolean }>>;
  /** Items a decision is being sent for (their buttons wait). */
  deciding: ReadonlySet<number>;
  bulk: { done: number; total: number } | null;
  decisions: OverrideView[];
  load(): Promise<void>;
  decide(item: ReviewItem, decision: ReviewDecision): Promise<boolean>;
  search(itemId: number, query: string): Promise<void>;
  /** Accepts the first candidate of every open item at or above `minConfidence`, one after another. */
  acceptAbove(minConfidence: number): Promise<number>;
  loadDecisions(): Promise<void>;
  forgetDecision(id: number): Promise<void>;
}

export type ReviewStore = StoreApi<ReviewState>;

/** The items above this confidence a bulk accept would take, with a candidate to accept. */
export function bulkAcceptable(items: readonly ReviewItem[], minConfidence: number): ReviewItem[] {
  return items.filter((item) => item.status === 'open' && item.candidates.length > 0 && (item.candidates[0]?.confidence ?? 0) >= minConfidence);
}

/**
 * The review queue as the Matches screen shows it: open items with their candidates, decisions sent one at a
 * time (each re-runs the matches it affects on the engine's side), searches per item, and the person's
 * earlier decisions (overrides) with a way to take one back.
 */
export function createReviewStore(client: Client, notify: (message: string, tone: 'success' | 'error') => void): ReviewStore {
  return createStore<ReviewState>()((set, get) => ({
    status: 'loading',
    items: [],
    total: 0,
    error: null,
    searches: {},
    deciding: new Set<number>(),
    bulk: null,
    decisions: [],

    async load() {
      try {
        const { items, total } = await client.call('review.list', { status: 'open', limit: 200, offset: 0 });
        set({ status: 'ready', items, total, error: null });
      } catch (error) {
        set({ status: 'failed', error: errorMessage(error) });
      }
    },

    async decide(item, decision) {
      set({ deciding: new Set([...get().deciding, item.id]) });
      try {
        const { alsoResolved } = await client.call('review.decide', { itemId: item.id, decision });
        const verb = decision.kind === 'ignore' ? 'will not be synced' : 'is matched';
        notify(`${item.title}${item.season !== null ? ` season ${item.season}` : ''} ${verb}${alsoResolved > 0 ? `; ${alsoResolved} more item${alsoResolved === 1 ? '' : 's'} matched with it` : ''}.`, 'success');
        set({ items: get().items.filter((other) => other.id !== item.id), total: Math.max(0, get().total - 1) });
        if (alsoResolved > 0) void get().load();
        void get().loadDecisions();
        return true;
      } catch (error) {
        notify(errorMessage(error), 'error');
        return false;
      } finally {
        const deciding = new Set(get().deciding);
        deciding.delete(item.id);
        set({ deciding });
      }
    },

    async search(itemId, query) {
      set({ searches: { ...get().searches, [itemId]: { query, results: get().searches[itemId]?.results ?? [], error: null, busy: true } } });
      try {
        const results = await client.call('review.search', { query });
        set({ searches: { ...get().searches, [itemId]: { query, results, error: results.length === 0 ? `Nothing on AniList matches "${query}".` : null, busy: false } } });
      } catch (error) {
        set({ searches: { ...get().searches, [itemId]: { query, results: [], error: errorMessage(error), busy: false } } });
      }
    },

    async acceptAbove(minConfidence) {
      const chosen = bulkAcceptable(get().items, minConfidence);
      set({ bulk: { done: 0, total: chosen.length } });
      let accepted = 0;
      for (const item of chosen) {
        if (await get().decide(item, { kind: 'accept' })) accepted += 1;
        set({ bulk: { done: accepted, total: chosen.length } });
      }
      set({ bulk: null });
      return accepted;
    },

    async loadDecisions() {
      try {
        set({ decisions: await client.call('overrides.list') });
      } catch (error) {
        notify(errorMessage(error), 'error');
      }
    },

    async forgetDecision(id) {
      try {
        await client.call('overrides.delete', { id });
        set({ decisions: get().decisions.filter((decision) => decision.id !== id) });
      } catch (error) {
        notify(errorMessage(error), 'error');
      }
    },
  }));
}
