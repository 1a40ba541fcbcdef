import type { Account, AppInfo, Client } from '../../shared/contract';
import type { RendererTransport } from '../transport/types';
import { createClientsStore, type ClientsStore } from './clients-store';
import { createConnectionStore, type ConnectionStore } from './connection-store';
import { createNavigationStore, type HashLocation, type NavigationStore } from './navigation-store';
import { createPlexStore, type PlexStore } from './plex-store';
import { createResourceStore, type ResourceStore } from './resource-store';
import { createSettingsStore, type SettingsStore } from './settings-store';
import { createSignInStore, type SignInStore } from './sign-in-store';
import { createSyncStore, type SyncStore } from './sync-store';
import { createReviewStore, type ReviewStore } from './review-store';
import { createLibraryStore, type LibraryStore } from './library-store';
import { createWatchlistStore, type WatchlistStore } from './watchlist-store';
import { createToastStore, type ToastStore, type ToastTimers } from './toast-store';

export interface AppStores {
  navigation: NavigationStore;
  toasts: ToastStore;
  settings: SettingsStore;
  appInfo: ResourceStore<AppInfo>;
  accounts: ResourceStore<Account[]>;
  /** The API client each sign-in uses; read when the Accounts screen opens. */
  clients: ClientsStore;
  signIn: SignInStore;
  plex: PlexStore;
  connection: ConnectionStore;
  /** Sync status, live progress, the preview, and history with undo. */
  sync: SyncStore;
  /** The review queue and the person's matching decisions. */
  review: ReviewStore;
  /** Every title once, filtered on this side, with edits through the outbox. */
  library: LibraryStore;
  /** The Trakt watchlist editor. */
  watchlist: WatchlistStore;
  /** Loads what every screen needs and starts listening for pushed events. */
  start(): void;
  dispose(): void;
}

export interface AppStoresOptions {
  client: Client;
  transport: RendererTransport;
  location: HashLocation;
  timers?: ToastTimers;
}

export function createAppStores({ client, transport, location, timers }: AppStoresOptions): AppStores {
  const toasts = createToastStore(timers);
  const showError = (message: string): void => {
    toasts.getState().show(message, 'error');
  };
  const settings = createSettingsStore(client, showError);
  const appInfo = createResourceStore(() => client.call('app.info'), showError);
  const accounts = createResourceStore(() => client.call('accounts.list'), showError);
  const clients = createClientsStore(client, showError);
  const signIn = createSignInStore({
    client,
    notify: (message, tone) => toasts.getState().show(message, tone),
    accountsChanged: () => void accounts.getState().reload(),
  });
  const plex = createPlexStore(client);
  const connection = createConnectionStore(transport);
  const navigation = createNavigationStore(location);
  const watchlist = createWatchlistStore(client, (message, tone) => void toasts.getState().show(message, tone));
  const library = createLibraryStore(client, (message, tone) => void toasts.getState().show(message, tone));
  const review = createReviewStore(client, (message, tone) => void toasts.getState().show(message, tone));
  const sync = createSyncStore({ client, notify: (message, tone) => void toasts.getState().show(message, tone) });
  const stops: Array<() => void> = [navigation.dispose, connection.dispose];

  return {
    navigation,
    toasts,
    settings,
    appInfo,
    accounts,
    clients,
    signIn,
    plex,
    connection,
    sync,
    review,
    library,
    watchlist,
    start() {
      stops.push(
        client.on('settings.changed', (next) => settings.getState().applyRemote(next)),
        client.on('accounts.changed', () => void accounts.getState().reload()),
        client.on('auth.prompt', (event) => signIn.getState().applyPrompt(event)),
        client.on('auth.finished', (event) => signIn.getState().applyFinished(event)),
        // The service refused an account's sign-in: say so wherever the person is, not only on Accounts.
        client.on('accounts.needsSignIn', (event) => void toasts.getState().show(event.message, 'error')),
        // A sync queues new items, a decision elsewhere (the CLI) resolves some: re-read while the screen shows it.
        client.on('review.changed', () => void review.getState().load()),
        client.on('sync.progress', (event) => sync.getState().applyProgress(event)),
        client.on('sync.status', (status) => sync.getState().applyStatus(status)),
        // A run started elsewhere (the schedule, the tray, the CLI) lands in the history too.
        client.on('sync.finished', () => {
          if (library.getState().status !== 'loading') void library.getState().load();
          void sync.getState().loadRuns();
          void sync.getState().loadStatus();
        }),
        // The redirect URIs to register contain the sign-in port, so they change with it.
        settings.subscribe((now, before) => {
          const port = now.settings?.signIn.loopbackPort;
          if (before.settings && port !== undefined && port !== before.settings.signIn.loopbackPort && clients.getState().value) {
            void clients.getState().reload();
          }
        }),
        // Events sent while the stream was down are lost, so re-read what they would have told us.
        connection.subscribe((now, before) => {
          if (now.state === 'open' && before.state === 'reconnecting') {
            void settings.getState().load();
            void accounts.getState().reload();
            void sync.getState().loadStatus();
          }
        }),
      );
      void appInfo.getState().reload();
      void settings.getState().load();
      void accounts.getState().reload();
      void sync.getState().loadStatus();
    },
    dispose() {
      for (const stop of stops.splice(0)) stop();
    },
  };
}
