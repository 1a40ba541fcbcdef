import { createStore, type StoreApi } from 'zustand/vanilla';
import { errorMessage } from './error-message';

export interface ResourceState<T> {
  status: 'loading' | 'ready' | 'failed';
  value: T | null;
  /** Why the last load failed, shown where the data would have been. */
  error: string | null;
  reload(): Promise<void>;
}

export type ResourceStore<T> = StoreApi<ResourceState<T>>;

/**
 * Something read-only fetched from the core (app info, the accounts list). A reload keeps the previous value
 * on screen until the new one arrives, and a slow stale answer never overwrites a newer one.
 */
export function createResourceStore<T>(load: () => Promise<T>, onError: (message: string) => void): ResourceStore<T> {
  let latest = 0;
  return createStore<ResourceState<T>>()((set) => ({
    status: 'loading',
    value: null,
    error: null,
    async reload() {
      const request = ++latest;
      set((state) => ({ status: state.value === null ? 'loading' : state.status }));
      try {
        const value = await load();
        if (request === latest) set({ status: 'ready', value, error: null });
      } catch (error) {
        if (request !== latest) return;
        const message = errorMessage(error);
        set({ status: 'failed', error: message });
        onError(message);
      }
    },
  }));
}
