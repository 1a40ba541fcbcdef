import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Client, WatchlistItem } from '../../shared/contract';
import { parseWatchlistImport } from '../screens/watchlist/import';
import { errorMessage } from './error-message';

type Result = WatchlistItem & { inWatchlist: boolean };

export interface WatchlistState {
  status: 'loading' | 'ready' | 'failed';
  items: WatchlistItem[];
  error: string | null;
  results: Result[];
  page: number;
  pageCount: number;
  searching: boolean;
  searchError: string | null;
  /** The last add or remove, which Undo reverses. */
  last: { action: 'added' | 'removed'; items: WatchlistItem[] } | null;
  busy: boolean;
  /** An import under way (titles looked up so far), then its outcome until the next one. */
  importing: { done: number; total: number } | null;
  imported: { added: number; existing: number; notFound: string[]; skippedLines: number[] } | null;
  load(): Promise<void>;
  importFile(text: string, fileName: string): Promise<void>;
  search(query: string, type: 'movie' | 'show' | 'both', year: number | undefined, page: number): Promise<void>;
  add(items: WatchlistItem[]): Promise<void>;
  remove(items: WatchlistItem[]): Promise<void>;
  undo(): Promise<void>;
}

export type WatchlistStore = StoreApi<WatchlistState>;

const refs = (items: WatchlistItem[]) => ({ items: items.map((item) => ({ type: item.type, traktId: item.traktId })) });

/**
 * The Trakt watchlist editor: the list, a search whose results say what is already listed, add and remove
 * (several at once), and one step of undo for the last change.
 */
export function createWatchlistStore(client: Client, notify: (message: string, tone: 'success' | 'error') => void): WatchlistStore {
  return createStore<WatchlistState>()((set, get) => {
    const mark = (items: WatchlistItem[]) => {
      const on = new Set(items.map((item) => item.key));
      set({ items, results: get().results.map((result) => ({ ...result, inWatchlist: on.has(result.key) })) });
    };
    async function change(action: 'added' | 'removed', items: WatchlistItem[], undoing: boolean): Promise<void> {
      set({ busy: true });
      try {
        if (action === 'added') {
          const answer = await client.call('watchlist.add', refs(items));
          notify(answer.existing > 0 && answer.added === 0 ? 'Already in your watchlist.' : `Added ${answer.added} to your watchlist${answer.existing > 0 ? ` (${answer.existing} already there)` : ''}.`, 'success');
        } else {
          const answer = await client.call('watchlist.remove', refs(items));
          notify(`Removed ${answer.removed} from your watchlist.`, 'success');
        }
        set({ last: undoing ? null : { action, items } });
        await get().load();
      } catch (error) {
        notify(errorMessage(error), 'error');
      } finally {
        set({ busy: false });
      }
    }
    return {
      status: 'loading',
      items: [],
      error: null,
      results: [],
      page: 1,
      pageCount: 0,
      searching: false,
      searchError: null,
      last: null,
      busy: false,
      importing: null,
      imported: null,
      async importFile(text, fileName) {
        const { refs, skipped } = parseWatchlistImport(text, fileName);
        if (refs.length === 0) {
          notify(`${fileName} names no IMDb, TMDB, TVDB or Trakt ids Kizuna can look up. Export from Kizuna or Trakt, or use columns named imdb, tmdb, tvdb or trakt.`, 'error');
          return;
        }
        const outcome = { added: 0, existing: 0, notFound: [] as string[], skippedLines: skipped };
        set({ importing: { done: 0, total: refs.length }, imported: null });
        try {
          // Batches of 25 keep each request short and the progress bar moving.
          for (let start = 0; start < refs.length; start += 25) {
            const answer = await client.call('watchlist.import', { items: refs.slice(start, start + 25) });
            outcome.added += answer.added;
            outcome.existing += answer.existing;
            outcome.notFound.push(...answer.notFound);
            set({ importing: { done: Math.min(refs.length, start + 25), total: refs.length } });
          }
          notify(`Imported ${outcome.added} title${outcome.added === 1 ? '' : 's'}${outcome.existing > 0 ? `, ${outcome.existing} already there` : ''}${outcome.notFound.length > 0 ? `; ${outcome.notFound.length} not found on Trakt` : ''}.`, 'success');
        } catch (error) {
          notify(`The import stopped: ${errorMessage(error)} What was added so far stays.`, 'error');
        } finally {
          set({ importing: null, imported: outcome });
          await get().load();
        }
      },
      async load() {
        try {
          const { items } = await client.call('watchlist.list');
          set({ status: 'ready', error: null });
          mark(items);
        } catch (error) {
          set({ status: 'failed', error: errorMessage(error) });
        }
      },
      async search(query, type, year, page) {
        set({ searching: true, searchError: null });
        try {
          const answer = await client.call('watchlist.search', { query, type, ...(year ? { year } : {}), page });
          set({ results: answer.results, page: answer.page, pageCount: answer.pageCount, searchError: answer.results.length === 0 ? `Nothing on Trakt matches "${query}".` : null });
        } catch (error) {
          set({ searchError: errorMessage(error) });
        } finally {
          set({ searching: false });
        }
      },
      add: (items) => {
        const fresh = items.filter((item) => !get().items.some((listed) => listed.key === item.key));
        if (fresh.length === 0) {
          notify('Already in your watchlist.', 'error');
          return Promise.resolve();
        }
        return change('added', fresh, false);
      },
      remove: (items) => change('removed', items, false),
      async undo() {
        const last = get().last;
        if (!last) return;
        await change(last.action === 'added' ? 'removed' : 'added', last.items, true);
      },
    };
  });
}
