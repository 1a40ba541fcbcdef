import { describe, expect, it } from 'vitest';
import type { ServiceClient } from '../../../shared/contract';
import { accountsSetup, clientList, fail, ok } from './accounts-fixtures';
import { flush } from './fakes';
import { defaultSettings } from '../../../shared/contract';

const ownTrakt: ServiceClient = { ...(clientList[2] as ServiceClient), clientId: 'my-trakt-id', source: 'own', hasClientSecret: true };

describe('clients store', () => {
  it('reads the API clients', async () => {
    const { stores } = accountsSetup();
    await stores.clients.getState().reload();
    expect(stores.clients.getState()).toMatchObject({ status: 'ready', value: clientList });
  });

  it('sends the secret to the core once and never keeps it', async () => {
    const { stores, calls } = accountsSetup({ 'clients.set': () => ok(ownTrakt) });
    await stores.clients.getState().reload();
    expect(await stores.clients.getState().save('trakt', 'my-trakt-id', 'TOP-SECRET-VALUE')).toBe(true);
    expect(calls('clients.set')).toEqual([{ service: 'trakt', clientId: 'my-trakt-id', clientSecret: 'TOP-SECRET-VALUE' }]);
    expect(stores.clients.getState().value?.find((c) => c.service === 'trakt')).toEqual(ownTrakt);
    expect(stores.clients.getState().forms.trakt?.done).toBe('API client saved.');
    expect(JSON.stringify(stores.clients.getState())).not.toContain('TOP-SECRET-VALUE');
  });

  it('leaves clientSecret out to keep the stored secret, and sends null to remove it', async () => {
    const { stores, calls } = accountsSetup({ 'clients.set': () => ok(ownTrakt) });
    await stores.clients.getState().save('trakt', 'my-trakt-id', undefined);
    await stores.clients.getState().save('trakt', 'my-trakt-id', null);
    expect(calls('clients.set')).toEqual([
      { service: 'trakt', clientId: 'my-trakt-id' },
      { service: 'trakt', clientId: 'my-trakt-id', clientSecret: null },
    ]);
    expect(stores.clients.getState().forms.trakt?.done).toBe('Client secret removed.');
  });

  it("puts the core's validation message on the client ID field", async () => {
    const { stores } = accountsSetup({
      'clients.set': () => fail('validation', 'Invalid input', [{ path: 'clientId', message: 'Enter the client ID from the developer page.' }]),
    });
    expect(await stores.clients.getState().save('mal', '', undefined)).toBe(false);
    expect(stores.clients.getState().forms.mal).toEqual({
      pending: null,
      error: null,
      fieldErrors: { clientId: 'Enter the client ID from the developer page.' },
      done: null,
    });
  });

  it('goes back to the built-in client', async () => {
    const builtIn = clientList[0] as ServiceClient;
    const { stores, calls } = accountsSetup({ 'clients.reset': () => ok(builtIn) });
    await stores.clients.getState().reload();
    await stores.clients.getState().reset('anilist');
    expect(calls('clients.reset')).toEqual([{ service: 'anilist' }]);
    expect(stores.clients.getState().forms.anilist?.done).toBe('Using the built-in API client.');
  });

  it('re-reads the clients when the sign-in port changes, since the redirect URIs contain it', async () => {
    const { stores, transport, calls } = accountsSetup();
    stores.start();
    await flush();
    await stores.clients.getState().reload();
    const before = calls('clients.list').length;
    transport.emit('settings.changed', { ...defaultSettings, signIn: { loopbackPort: 50000 } });
    await flush();
    expect(calls('clients.list').length).toBe(before + 1);
  });
});
