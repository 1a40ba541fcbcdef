import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Client, LibraryTitle } from '../../shared/contract';
import { defaultFilters, filterLibrary, searchable, steppedProgress, type LibraryFilters } from '../screens/library/filter';
import { errorMessage } from './error-message';

export interface LibraryState {
  status: 'loading' | 'ready' | 'failed';
  titles: LibraryTitle[];
  /** Normalised search text per title, made once per load. */
  index: ReadonlyMap<string, string>;
  filters: LibraryFilters;
  /** The current tab filtered and sorted: what the list renders. */
  rows: LibraryTitle[];
  readAt: string | null;
  error: string | null;
  /** Titles with an edit on its way: title key → what is happening. */
  pending: Readonly<Record<string, 'sending' | 'queued'>>;
  load(): Promise<void>;
  setFilters(patch: Partial<LibraryFilters>): void;
  step(titleKey: string, delta: 1 | -1): Promise<void>;
  setStatus(titleKey: string, status: string): Promise<void>;
}

export type LibraryStore = StoreApi<LibraryState>;

/**
 * The Library's data: every title once from the sync's stored reads, filtered and sorted on this side so
 * typing in the search answers at once. Edits go through sync.edit (the outbox) to every list holding the
 * title, shown at once and marked sending → sent, or queued when a service cannot be reached.
 */
export function createLibraryStore(client: Client, notify: (message: string, tone: 'success' | 'error') => void): LibraryStore {
  return createStore<LibraryState>()((set, get) => {
    const refilter = (titles: LibraryTitle[], filters: LibraryFilters, index: ReadonlyMap<string, string>) => set({ rows: filterLibrary(titles, filters, index) });

    async function edit(titleKey: string, changes: Array<{ field: 'progress'; value: number } | { field: 'status'; value: 'planning' | 'current' | 'completed' | 'paused' | 'dropped' | 'repeating' }>, apply: (list: LibraryTitle['lists'][number]) => LibraryTitle['lists'][number]) {
      const before = get().titles;
      const titles = before.map((title) => (title.titleKey === titleKey ? { ...title, lists: title.lists.filter((list) => list.service !== 'trakt').map(apply).concat(title.lists.filter((list) => list.service === 'trakt')) } : title));
      set({ titles, pending: { ...get().pending, [titleKey]: 'sending' } });
      refilter(titles, get().filters, get().index);
      try {
        const result = await client.call('sync.edit', { titleKey, changes });
        const waiting = result.queued - result.sent;
        set({ pending: { ...get().pending, [titleKey]: waiting > 0 ? 'queued' : 'sending' } });
        if (waiting <= 0) {
          const pending = { ...get().pending };
          delete pending[titleKey];
          set({ pending });
        }
        notify(waiting > 0 ? `Saved; ${waiting} change${waiting === 1 ? '' : 's'} will be sent when the service answers.` : `Sent to ${result.sent} list${result.sent === 1 ? '' : 's'}.`, 'success');
      } catch (error) {
        // Nothing was queued: put the rows back as they were and say why.
        const pending = { ...get().pending };
        delete pending[titleKey];
        set({ titles: before, pending });
        refilter(before, get().filters, get().index);
        notify(errorMessage(error), 'error');
      }
    }

    return {
      status: 'loading',
      titles: [],
      index: new Map(),
      filters: defaultFilters,
      rows: [],
      readAt: null,
      error: null,
      pending: {},

      async load() {
        try {
          const { titles, readAt } = await client.call('library.list');
          const index = new Map(titles.map((title) => [title.titleKey, searchable(title.title)]));
          set({ status: 'ready', titles, index, readAt, error: null });
          refilter(titles, get().filters, index);
        } catch (error) {
          set({ status: 'failed', error: errorMessage(error) });
        }
      },

      setFilters(patch) {
        const filters = { ...get().filters, ...patch };
        set({ filters });
        refilter(get().titles, filters, get().index);
      },

      step(titleKey, delta) {
        const title = get().titles.find((candidate) => candidate.titleKey === titleKey);
        if (!title) return Promise.resolve();
        const value = steppedProgress(title, delta);
        return edit(titleKey, [{ field: 'progress', value }], (list) => ({ ...list, progress: value }));
      },

      setStatus(titleKey, status) {
        const value = status as 'planning' | 'current' | 'completed' | 'paused' | 'dropped' | 'repeating';
        return edit(titleKey, [{ field: 'status', value }], (list) => (list.service === 'plex' ? list : { ...list, status: value }));
      },
    };
  });
}
