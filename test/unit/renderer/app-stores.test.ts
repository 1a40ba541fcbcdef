import { describe, expect, it } from 'vitest';
import { createAppStores } from '../../../renderer/state/app-stores';
import type { HashLocation } from '../../../renderer/state/navigation-store';
import { createClient, defaultSettings, type Account, type Settings } from '../../../shared/contract';
import { FakeTransport, flush } from './fakes';

const info = {
  name: 'Kizuna',
  version: '0.1.0',
  host: 'server',
  platform: 'linux',
  dataDir: '/data',
  secretStore: { kind: 'keychain', detail: 'In the keychain.' },
};

const staticLocation: HashLocation = { read: () => '', push: () => undefined, replace: () => undefined, subscribe: () => () => undefined };

function setup() {
  let settings: Settings = defaultSettings;
  let accounts: Account[] = [];
  const transport = new FakeTransport({
    'app.info': () => ({ ok: true, value: info }),
    'settings.get': () => ({ ok: true, value: settings }),
    'accounts.list': () => ({ ok: true, value: accounts }),
  });
  const stores = createAppStores({ client: createClient(transport), transport, location: staticLocation });
  return {
    stores,
    transport,
    setServerSettings: (next: Settings) => (settings = next),
    setAccounts: (next: Account[]) => (accounts = next),
  };
}

describe('app stores', () => {
  it('loads app info, settings and accounts on start', async () => {
    const { stores } = setup();
    stores.start();
    await flush();
    expect(stores.appInfo.getState()).toMatchObject({ status: 'ready', value: info });
    expect(stores.settings.getState().settings).toEqual(defaultSettings);
    expect(stores.accounts.getState()).toMatchObject({ status: 'ready', value: [] });
  });

  it("applies a 'settings.changed' event to the settings store", async () => {
    const { stores, transport } = setup();
    stores.start();
    await flush();
    transport.emit('settings.changed', { ...defaultSettings, schedule: { paused: true, intervalMinutes: 30 } });
    expect(stores.settings.getState().settings?.schedule).toEqual({ paused: true, intervalMinutes: 30 });
  });

  it("re-reads accounts on 'accounts.changed'", async () => {
    const { stores, transport, setAccounts } = setup();
    stores.start();
    await flush();
    const account: Account = { id: 'a1', service: 'anilist', userName: 'mika', avatarUrl: null, tokenExpiresAt: null, connectedAt: '2025-01-01T00:00:00Z', status: 'connected' };
    setAccounts([account]);
    transport.emit('accounts.changed', {});
    await flush();
    expect(stores.accounts.getState().value).toEqual([account]);
  });

  it("tells the person when a service refuses an account's sign-in ('accounts.needsSignIn')", async () => {
    const { stores, transport } = setup();
    stores.start();
    await flush();
    transport.emit('accounts.needsSignIn', { accountId: 'trakt:yui', service: 'trakt', userName: 'yui', message: 'Trakt no longer accepts the sign-in for yui. Reconnect it under Accounts.' });
    expect(stores.toasts.getState().toasts.map((toast) => [toast.message, toast.tone])).toEqual([['Trakt no longer accepts the sign-in for yui. Reconnect it under Accounts.', 'error']]);
  });

  it('re-reads settings after the event stream reconnects, since events were missed meanwhile', async () => {
    const { stores, transport, setServerSettings } = setup();
    stores.start();
    await flush();
    transport.setConnection('reconnecting');
    setServerSettings({ ...defaultSettings, appearance: { theme: 'dark' } });
    transport.setConnection('open');
    await flush();
    expect(stores.settings.getState().settings?.appearance.theme).toBe('dark');
    expect(stores.connection.getState().state).toBe('open');
  });

  it('turns a failed load into a toast carrying the error message', async () => {
    const transport = new FakeTransport({});
    const stores = createAppStores({ client: createClient(transport), transport, location: staticLocation });
    stores.start();
    await flush();
    expect(stores.appInfo.getState()).toMatchObject({ status: 'failed', error: 'no app.info' });
    expect(stores.toasts.getState().toasts.map((t) => t.message)).toContain('no app.info');
  });

  it('stops listening once disposed', async () => {
    const { stores, transport } = setup();
    stores.start();
    await flush();
    stores.dispose();
    transport.emit('settings.changed', { ...defaultSettings, appearance: { theme: 'light' } });
    expect(stores.settings.getState().settings?.appearance.theme).toBe('system');
  });
});
