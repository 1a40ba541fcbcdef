import { createStore, type StoreApi } from 'zustand/vanilla';
import { defaultScreen, parseHash, screenHash, type Screen } from './router';

/** The browser's location as the navigation store sees it; a fake stands in for it in tests. */
export interface HashLocation {
  read(): string;
  /** Adds a history entry, so Back returns to the previous screen. */
  push(hash: string): void;
  /** Rewrites the current entry, for a hash that named no screen. */
  replace(hash: string): void;
  subscribe(listener: () => void): () => void;
}

export interface NavigationState {
  screen: Screen;
  go(screen: Screen): void;
}

export type NavigationStore = StoreApi<NavigationState> & { dispose(): void };

/** The URL is the source of truth: nav links change the hash, and the store follows every hashchange. */
export function createNavigationStore(location: HashLocation): NavigationStore {
  function resolve(): Screen {
    const hash = location.read();
    const screen = parseHash(hash);
    if (screen) return screen;
    if (hash !== '' && hash !== '#' && hash !== '#/') location.replace(screenHash(defaultScreen));
    return defaultScreen;
  }

  const store = createStore<NavigationState>()(() => ({
    screen: resolve(),
    go(screen) {
      if (parseHash(location.read()) !== screen) location.push(screenHash(screen));
    },
  }));
  const unsubscribe = location.subscribe(() => {
    const screen = resolve();
    if (store.getState().screen !== screen) store.setState({ screen });
  });
  return Object.assign(store, { dispose: unsubscribe });
}

export function browserHashLocation(win: Window = window): HashLocation {
  return {
    read: () => win.location.hash,
    push: (hash) => {
      win.location.hash = hash;
    },
    replace: (hash) => win.history.replaceState(win.history.state, '', hash),
    subscribe(listener) {
      win.addEventListener('hashchange', listener);
      return () => win.removeEventListener('hashchange', listener);
    },
  };
}
