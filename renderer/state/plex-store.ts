import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Client, PlexLibraryHolds, PlexServerView } from '../../shared/contract';
import { errorMessage } from './error-message';

export interface PlexAccountState {
  status: 'loading' | 'ready' | 'failed';
  servers: PlexServerView[] | null;
  /** Why the last read or change failed, shown above the servers. */
  error: string | null;
  refreshing: boolean;
  /** Changes sent and not yet answered, by control ("server:<id>" or "library:<id>:<key>"). */
  saving: Record<string, true>;
}

export interface PlexState {
  accounts: Record<string, PlexAccountState>;
  load(accountId: string, refresh?: boolean): Promise<void>;
  selectServer(accountId: string, machineIdentifier: string, selected: boolean): Promise<void>;
  setLibrary(accountId: string, machineIdentifier: string, key: string, holds: PlexLibraryHolds): Promise<void>;
}

export type PlexStore = StoreApi<PlexState>;

const empty: PlexAccountState = { status: 'loading', servers: null, error: null, refreshing: false, saving: {} };

export const serverControl = (machineIdentifier: string) => `server:${machineIdentifier}`;
export const libraryControl = (machineIdentifier: string, key: string) => `library:${machineIdentifier}:${key}`;

function patchServers(
  servers: PlexServerView[] | null,
  machineIdentifier: string,
  change: (server: PlexServerView) => PlexServerView,
): PlexServerView[] | null {
  return servers?.map((server) => (server.machineIdentifier === machineIdentifier ? change(server) : server)) ?? null;
}

/**
 * Each Plex account's servers and libraries. Changes show at once and are replaced by the list the core
 * answers with; a failed change puts the previous choice back and says why.
 */
export function createPlexStore(client: Client): PlexStore {
  // Per account: the newest request, so an older answer never overwrites a newer one.
  const latest = new Map<string, number>();
  let seq = 0;

  return createStore<PlexState>()((set, get) => {
    function current(accountId: string): PlexAccountState {
      return get().accounts[accountId] ?? empty;
    }
    function update(accountId: string, change: Partial<PlexAccountState>): void {
      set({ accounts: { ...get().accounts, [accountId]: { ...current(accountId), ...change } } });
    }
    function setSaving(accountId: string, control: string, on: boolean): void {
      const saving = { ...current(accountId).saving };
      if (on) saving[control] = true;
      else delete saving[control];
      update(accountId, { saving });
    }

    async function change(
      accountId: string,
      control: string,
      optimistic: PlexServerView[] | null,
      call: () => Promise<PlexServerView[]>,
    ): Promise<void> {
      const before = current(accountId).servers;
      const mine = ++seq;
      latest.set(accountId, mine);
      update(accountId, { servers: optimistic, error: null });
      setSaving(accountId, control, true);
      try {
        const servers = await call();
        if (latest.get(accountId) === mine) update(accountId, { servers, status: 'ready' });
      } catch (error) {
        if (latest.get(accountId) === mine) update(accountId, { servers: before });
        update(accountId, { error: errorMessage(error) });
      } finally {
        setSaving(accountId, control, false);
      }
    }

    return {
      accounts: {},

      async load(accountId, refresh = false) {
        const mine = ++seq;
        latest.set(accountId, mine);
        update(accountId, { refreshing: refresh, ...(current(accountId).servers ? {} : { status: 'loading' }) });
        try {
          const servers = await client.call('plex.servers', refresh ? { accountId, refresh } : { accountId });
          if (latest.get(accountId) === mine) update(accountId, { status: 'ready', servers, error: null, refreshing: false });
        } catch (error) {
          if (latest.get(accountId) !== mine) return;
          update(accountId, {
            status: current(accountId).servers ? 'ready' : 'failed',
            error: errorMessage(error),
            refreshing: false,
          });
        }
      },

      selectServer(accountId, machineIdentifier, selected) {
        const optimistic = patchServers(current(accountId).servers, machineIdentifier, (s) => ({ ...s, selected }));
        return change(accountId, serverControl(machineIdentifier), optimistic, () =>
          client.call('plex.selectServer', { accountId, machineIdentifier, selected }),
        );
      },

      setLibrary(accountId, machineIdentifier, key, holds) {
        const optimistic = patchServers(current(accountId).servers, machineIdentifier, (s) => ({
          ...s,
          libraries: s.libraries.map((library) => (library.key === key ? { ...library, holds } : library)),
        }));
        return change(accountId, libraryControl(machineIdentifier, key), optimistic, () =>
          client.call('plex.setLibrary', { accountId, machineIdentifier, key, holds }),
        );
      },
    };
  });
}
