import { describe, expect, it } from 'vitest';
import type { PlexServerView, Result } from '../../../shared/contract';
import { accountsSetup, deferred, fail, ok, plexAccount, servers } from './accounts-fixtures';

function withHolds(holds: 'anime' | 'shows' | 'movies' | 'music' | 'none'): PlexServerView[] {
  return servers.map((s) => (s.machineIdentifier === 'srv-1' ? { ...s, libraries: s.libraries.map((l) => (l.key === '2' ? { ...l, holds } : l)) } : s));
}

describe('plex store', () => {
  it("loads an account's servers, and refreshes on request", async () => {
    const { stores, calls } = accountsSetup();
    await stores.plex.getState().load(plexAccount.id);
    await stores.plex.getState().load(plexAccount.id, true);
    expect(calls('plex.servers')).toEqual([{ accountId: plexAccount.id }, { accountId: plexAccount.id, refresh: true }]);
    expect(stores.plex.getState().accounts[plexAccount.id]).toMatchObject({ status: 'ready', servers, refreshing: false, error: null });
  });

  it('changing what a library holds calls plex.setLibrary, shows the choice at once and takes the answer', async () => {
    const answer = deferred<Result<unknown>>();
    const { stores, calls } = accountsSetup({ 'plex.setLibrary': () => answer.promise });
    await stores.plex.getState().load(plexAccount.id);
    const pending = stores.plex.getState().setLibrary(plexAccount.id, 'srv-1', '2', 'movies');
    expect(calls('plex.setLibrary')).toEqual([{ accountId: plexAccount.id, machineIdentifier: 'srv-1', key: '2', holds: 'movies' }]);
    const shown = stores.plex.getState().accounts[plexAccount.id];
    expect(shown?.servers?.[0]?.libraries[1]?.holds).toBe('movies');
    expect(shown?.saving).toEqual({ 'library:srv-1:2': true });
    answer.resolve(ok(withHolds('movies')));
    await pending;
    expect(stores.plex.getState().accounts[plexAccount.id]).toMatchObject({ servers: withHolds('movies'), saving: {} });
  });

  it('puts the previous choice back and says why when the change fails', async () => {
    const { stores } = accountsSetup({ 'plex.setLibrary': () => fail('unavailable', 'Home did not answer.') });
    await stores.plex.getState().load(plexAccount.id);
    await stores.plex.getState().setLibrary(plexAccount.id, 'srv-1', '2', 'shows');
    expect(stores.plex.getState().accounts[plexAccount.id]).toMatchObject({ servers, error: 'Home did not answer.' });
  });

  it('selects a server with plex.selectServer', async () => {
    const selected = servers.map((s) => ({ ...s, selected: true }));
    const { stores, calls } = accountsSetup({ 'plex.selectServer': () => ok(selected) });
    await stores.plex.getState().load(plexAccount.id);
    await stores.plex.getState().selectServer(plexAccount.id, 'srv-2', true);
    expect(calls('plex.selectServer')).toEqual([{ accountId: plexAccount.id, machineIdentifier: 'srv-2', selected: true }]);
    expect(stores.plex.getState().accounts[plexAccount.id]?.servers).toEqual(selected);
  });

  it('keeps the servers on screen when a refresh fails', async () => {
    const { stores, handlers } = accountsSetup();
    await stores.plex.getState().load(plexAccount.id);
    handlers['plex.servers'] = () => fail('network', 'Could not reach plex.tv.');
    await stores.plex.getState().load(plexAccount.id, true);
    expect(stores.plex.getState().accounts[plexAccount.id]).toMatchObject({ status: 'ready', servers, error: 'Could not reach plex.tv.', refreshing: false });
  });
});
