import { createAppStores } from '../../../renderer/state/app-stores';
import type { HashLocation } from '../../../renderer/state/navigation-store';
import { createClient, defaultSettings, type Account, type PlexServerView, type Result, type ServiceClient } from '../../../shared/contract';
import { FakeTransport } from './fakes';

export const yui: Account = {
  id: 'acc-anilist-1',
  service: 'anilist',
  userName: 'Yui',
  avatarUrl: 'https://s4.anilist.co/file/avatar/yui.png',
  tokenExpiresAt: '2027-11-01T00:00:00.000Z',
  connectedAt: '2026-11-01T10:00:00.000Z',
  status: 'connected',
};

export const plexAccount: Account = {
  id: 'acc-plex-1',
  service: 'plex',
  userName: 'mika',
  avatarUrl: null,
  tokenExpiresAt: null,
  connectedAt: '2026-11-02T10:00:00.000Z',
  status: 'connected',
};

export const clientList: ServiceClient[] = [
  {
    service: 'anilist',
    clientId: '12345',
    source: 'built-in',
    hasClientSecret: false,
    redirectUri: 'http://127.0.0.1:47824/callback',
    developerUrl: 'https://anilist.co/settings/developer',
    instructions: 'Create a client on AniList.',
    ownClientRequired: false,
  },
  {
    service: 'mal',
    clientId: 'mal-built-in',
    source: 'built-in',
    hasClientSecret: false,
    redirectUri: 'http://127.0.0.1:47824/callback',
    developerUrl: 'https://myanimelist.net/apiconfig',
    instructions: 'Create an API client on MyAnimeList.',
    ownClientRequired: false,
  },
  {
    service: 'trakt',
    clientId: null,
    source: 'none',
    hasClientSecret: false,
    redirectUri: 'urn:ietf:wg:oauth:2.0:oob',
    developerUrl: 'https://trakt.tv/oauth/applications',
    instructions: 'Trakt asks every user to register their own app.',
    ownClientRequired: true,
  },
  {
    service: 'plex',
    clientId: 'install-id',
    source: 'built-in',
    hasClientSecret: false,
    redirectUri: null,
    developerUrl: null,
    instructions: 'Plex needs no API client.',
    ownClientRequired: false,
  },
];

export const servers: PlexServerView[] = [
  {
    machineIdentifier: 'srv-1',
    name: 'Home',
    owned: true,
    selected: true,
    address: 'http://192.168.1.20:32400',
    problem: null,
    libraries: [
      { key: '1', title: 'Anime', type: 'show', holds: 'anime' },
      { key: '2', title: 'Films', type: 'movie', holds: 'none' },
    ],
  },
  { machineIdentifier: 'srv-2', name: 'Friend', owned: false, selected: false, address: null, problem: null, libraries: [] },
];

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: 'validation' | 'network' | 'not_found' | 'unavailable', message: string, issues?: Array<{ path: string; message: string }>): Result<never> => ({
  ok: false,
  error: { code, message, retryable: false, ...(issues ? { issues } : {}) },
});

type Handler = (input: unknown) => Result<unknown> | Promise<Result<unknown>>;

const staticLocation: HashLocation = { read: () => '#/accounts', push: () => undefined, replace: () => undefined, subscribe: () => () => undefined };

/** The whole store set over a FakeTransport; `handlers` may be changed by a test at any time. */
export function accountsSetup(overrides: Record<string, Handler> = {}, initialAccounts: Account[] = []) {
  const state = { accounts: initialAccounts, clients: clientList };
  const handlers: Record<string, Handler> = {
    'app.info': () => ok({ name: 'Kizuna', version: '0.1.0', host: 'server', platform: 'linux', dataDir: '/data', services: { source: 'real', file: null }, secretStore: { kind: 'keychain', detail: 'In the keychain.' } }),
    'settings.get': () => ok(defaultSettings),
    'accounts.list': () => ok(state.accounts),
    'clients.list': () => ok(state.clients),
    'plex.servers': () => ok(servers),
    ...overrides,
  };
  const transport = new FakeTransport(handlers);
  const stores = createAppStores({ client: createClient(transport), transport, location: staticLocation, timers: { setTimeout: () => 0, clearTimeout: () => undefined } });
  return {
    stores,
    transport,
    handlers,
    state,
    calls: (method: string) => transport.calls.filter((call) => call.method === method).map((call) => call.input),
    toasts: () => stores.toasts.getState().toasts.map((t) => ({ tone: t.tone, message: t.message })),
  };
}

/** A promise a test resolves by hand, to hold a call open. */
export function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
