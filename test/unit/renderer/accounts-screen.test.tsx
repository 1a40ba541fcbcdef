import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ConfirmDialog } from '../../../renderer/components/ConfirmDialog';
import { AccountsScreen } from '../../../renderer/screens/AccountsScreen';
import { AccountsCard } from '../../../renderer/screens/dashboard/AccountsCard';
import { SettingsScreen } from '../../../renderer/screens/SettingsScreen';
import type { AppStores } from '../../../renderer/state/app-stores';
import { StoresProvider } from '../../../renderer/state/stores-context';
import type { Account, ServiceClient } from '../../../shared/contract';
import { accountsSetup, clientList, fail, ok, plexAccount, yui } from './accounts-fixtures';
import { flush } from './fakes';

// No DOM is installed, so these render with react-dom/server after driving the stores through FakeTransport,
// and read the markup the way a screen reader or Playwright would: roles, labels and names.
function render(stores: AppStores, element: ReactElement = createElement(AccountsScreen)): string {
  // On the server, zustand's useStore reads getInitialState (the hydration snapshot); show the current state instead.
  for (const store of Object.values(stores)) {
    if (typeof store === 'object' && store && 'getInitialState' in store && 'getState' in store) {
      (store as { getInitialState: () => unknown }).getInitialState = (store as { getState: () => unknown }).getState;
    }
  }
  return renderToStaticMarkup(<StoresProvider stores={stores}>{element}</StoresProvider>);
}

/** The opening tag of the button whose content or aria-label is `name`. */
function button(html: string, name: string): string | null {
  for (const match of html.matchAll(/<button([^>]*)>(.*?)<\/button>/g)) {
    const [, attributes = '', content = ''] = match;
    const label = /aria-label="([^"]*)"/.exec(attributes)?.[1] ?? content.replace(/<[^>]+>/g, '');
    if (label === name) return `<button${attributes}>`;
  }
  return null;
}

/** The input or select labelled `label` (by <label for>), as its opening tag. */
function control(html: string, label: string): string | null {
  for (const match of html.matchAll(/<label[^>]*for="([^"]+)"[^>]*>(.*?)<\/label>/g)) {
    if (match[2]?.replace(/<[^>]+>/g, '').replace(/<!-- -->/g, '') !== label) continue;
    const id = match[1]?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`<(?:input|select)[^>]*id="${id}"[^>]*>`).exec(html)?.[0] ?? null;
  }
  return null;
}

const text = (html: string) => html.replace(/<!-- -->/g, '').replace(/&#x27;/g, "'").replace(/&quot;/g, '"');

async function ready(overrides: Parameters<typeof accountsSetup>[0] = {}, accounts: Account[] = []) {
  const setup = accountsSetup({ 'accounts.connect': () => ok({ attemptId: 'att-1' }), ...overrides }, accounts);
  setup.stores.start();
  await setup.stores.clients.getState().reload();
  await flush();
  return setup;
}

describe('Accounts screen', () => {
  it('offers Connect per service, and disables Trakt with the reason while it has no API client', async () => {
    const { stores } = await ready();
    const html = render(stores);
    expect(html).toMatch(/<h1[^>]*>Accounts<\/h1>/);
    for (const name of ['Connect AniList', 'Connect MyAnimeList', 'Connect Plex']) expect(button(html, name)).not.toContain('disabled');
    const trakt = button(html, 'Connect Trakt');
    expect(trakt).toContain('disabled=""');
    const reasonId = /aria-describedby="([^"]+)"/.exec(trakt ?? '')?.[1];
    expect(text(html)).toMatch(new RegExp(`id="${reasonId}">Trakt requires every user to register their own API client`));
    // The Trakt client form is open; AniList's (built in) is closed.
    expect(html).toMatch(/<details class="disclosure" open="">\s*<summary[^>]*><span class="disclosure__title">Trakt API client/);
    expect(html).toMatch(/<details class="disclosure"><summary[^>]*><span class="disclosure__title">AniList API client/);
  });

  it('shows the exact redirect URI to register, copyable, and a link to the developer page', async () => {
    const { stores } = await ready();
    const html = render(stores);
    expect(html).toContain('value="http://127.0.0.1:47824/callback"');
    expect(button(html, 'Copy AniList redirect URI')).not.toBeNull();
    expect(html).toMatch(/<a href="https:\/\/anilist.co\/settings\/developer" target="_blank" rel="noopener noreferrer"[^>]*>Open the AniList developer page/);
    expect(control(html, 'AniList client ID')).not.toBeNull();
    expect(control(html, 'AniList client secret')).toContain('type="password"');
  });

  it('never echoes a saved secret: the field stays empty and says a secret is stored', async () => {
    const own: ServiceClient = { ...(clientList[2] as ServiceClient), clientId: 'my-trakt-id', source: 'own', hasClientSecret: true };
    const { stores } = await ready({ 'clients.set': () => ok(own) });
    await stores.clients.getState().save('trakt', 'my-trakt-id', 'TOP-SECRET-VALUE');
    const html = render(stores);
    expect(html).not.toContain('TOP-SECRET-VALUE');
    expect(control(html, 'Trakt client secret')).toMatch(/value=""/);
    expect(control(html, 'Trakt client ID')).toContain('value="my-trakt-id"');
    expect(html).toContain('A secret is stored.');
    expect(html).toContain('API client saved.');
    expect(button(html, 'Connect Trakt')).not.toContain('disabled');
    expect(button(html, 'Remove my Trakt client')).not.toBeNull();
  });

  it('shows a connected account: name, avatar, expiry, Reconnect and Disconnect named with the service', async () => {
    const { stores } = await ready({}, [yui]);
    const html = render(stores);
    expect(html).toContain('<img class="avatar" src="https://s4.anilist.co/file/avatar/yui.png" alt=""');
    expect(html).toContain('Yui');
    expect(text(html)).toMatch(/Sign-in expires [^<]*2027/);
    expect(button(html, 'Reconnect Yui (AniList)')).not.toBeNull();
    expect(button(html, 'Disconnect Yui (AniList)')).not.toBeNull();
    expect(button(html, 'Connect another AniList account')).not.toBeNull();
  });

  it('marks an account that needs signing in again, with Reconnect as the main action', async () => {
    const { stores } = await ready({}, [{ ...yui, status: 'needs-sign-in' }]);
    const html = render(stores);
    expect(html).toContain('Needs sign-in');
    expect(text(html)).toContain('AniList refused the saved sign-in for Yui');
    expect(button(html, 'Reconnect Yui (AniList)')).toContain('button--primary');
  });

  it('while waiting for the browser-hosted sign-in, shows a prominent link to open and a Cancel button', async () => {
    const { stores, transport } = await ready();
    await stores.signIn.getState().connect({ service: 'anilist' });
    transport.emit('auth.prompt', {
      attemptId: 'att-1',
      service: 'anilist',
      prompt: { kind: 'open-url', url: 'https://anilist.co/api/v2/oauth/authorize?client_id=1&response_type=token', browserOpened: false, message: 'Sign in on AniList, then come back.' },
    });
    const html = render(stores);
    expect(html).toMatch(/<a class="button button--primary button--large" href="https:\/\/anilist.co\/api\/v2\/oauth\/authorize\?client_id=1&amp;response_type=token" target="_blank" rel="noopener noreferrer">Open the AniList sign-in page/);
    expect(html).toMatch(/role="status"[^>]*><p class="sign-in-status__lead">Open the AniList sign-in page to continue.<\/p><p>Sign in on AniList, then come back.<\/p>/);
    expect(button(html, 'Cancel AniList sign-in')).not.toBeNull();
    expect(button(html, 'Connect AniList')).toContain('disabled');
  });

  it('says "Continue in your browser" when the browser was opened, keeping the link as a fallback', async () => {
    const { stores, transport } = await ready();
    await stores.signIn.getState().connect({ service: 'mal' });
    transport.emit('auth.prompt', { attemptId: 'att-1', service: 'mal', prompt: { kind: 'open-url', url: 'https://myanimelist.net/v1/oauth2/authorize', browserOpened: true, message: 'Sign in on MyAnimeList.' } });
    const html = render(stores);
    expect(html).toContain('Continue in your browser.');
    expect(html).toMatch(/No browser window\?.*<a href="https:\/\/myanimelist.net\/v1\/oauth2\/authorize" target="_blank" rel="noopener noreferrer">Open the MyAnimeList sign-in page<\/a>/);
  });

  it("shows Trakt's device code big and copyable, with the activation link and its expiry", async () => {
    const own: ServiceClient = { ...(clientList[2] as ServiceClient), clientId: 'id', source: 'own', hasClientSecret: true };
    const { stores, transport } = await ready({ 'clients.list': () => ok([...clientList.slice(0, 2), own, clientList[3]]) });
    await stores.signIn.getState().connect({ service: 'trakt' });
    transport.emit('auth.prompt', {
      attemptId: 'att-1',
      service: 'trakt',
      prompt: { kind: 'device-code', userCode: 'AB12CD34', verificationUrl: 'https://trakt.tv/activate', expiresAt: '2026-11-22T04:00:00.000Z', message: 'Enter the code on Trakt.' },
    });
    const html = render(stores);
    expect(control(html, 'Trakt code')).toContain('value="AB12CD34"');
    expect(html).toContain('copy-field--large');
    expect(button(html, 'Copy Trakt code')).not.toBeNull();
    expect(html).toMatch(/<a href="https:\/\/trakt.tv\/activate" target="_blank" rel="noopener noreferrer">https:\/\/trakt.tv\/activate<\/a>/);
    expect(html).toContain('The code expires at <time dateTime="2026-11-22T04:00:00.000Z">');
    expect(button(html, 'Cancel Trakt sign-in')).not.toBeNull();
  });

  it('shows a failed sign-in inline, in the live region, and offers Connect again', async () => {
    const { stores, transport } = await ready();
    await stores.signIn.getState().connect({ service: 'anilist' });
    transport.emit('auth.finished', { attemptId: 'att-1', service: 'anilist', outcome: 'failed', account: null, error: { code: 'timeout', message: 'Nobody signed in within 10 minutes.' } });
    const html = render(stores);
    expect(html).toMatch(/role="status"[^>]*><p class="notice notice--error">Nobody signed in within 10 minutes.<\/p>/);
    expect(button(html, 'Connect AniList')).not.toContain('disabled');
    expect(button(html, 'Cancel AniList sign-in')).toBeNull();
  });

  it('after the sign-in finishes the account is listed', async () => {
    const setup = await ready();
    await setup.stores.signIn.getState().connect({ service: 'anilist' });
    setup.state.accounts = [yui];
    setup.transport.emit('auth.finished', { attemptId: 'att-1', service: 'anilist', outcome: 'connected', account: yui, error: null });
    await flush();
    const html = render(setup.stores);
    expect(button(html, 'Disconnect Yui (AniList)')).not.toBeNull();
    expect(html).toContain('Connected AniList as Yui.');
  });

  it("offers AniList's methods, the code grant only with a stored secret", async () => {
    const { stores } = await ready();
    const html = render(stores);
    expect(html).toContain('<legend class="field__label">AniList sign-in method</legend>');
    const radio = (value: string) => [...html.matchAll(/<input type="radio"[^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes(`value="${value}"`));
    expect(radio('implicit')).toContain('checked=""');
    expect(radio('code')).toContain('disabled=""');
    expect(radio('pin')).not.toContain('disabled');
  });

  it('lets a Plex server be connected by address and token', async () => {
    const { stores } = await ready();
    await stores.signIn.getState().connectWithToken({ service: 'plex', serverUrl: 'nas', token: 'x' });
    const html = render(stores);
    expect(control(html, 'Plex server address')).toContain('type="url"');
    expect(control(html, 'X-Plex-Token')).toContain('type="password"');
    expect(button(html, 'Connect Plex server')).not.toBeNull();
    // No handler for connectWithToken here: the failure is shown and the typed fields are kept by the form.
    expect(html).toContain('no accounts.connectWithToken');
  });

  it("lists a Plex account's servers with a Sync checkbox each and a holds select per library", async () => {
    const { stores } = await ready({}, [plexAccount]);
    await stores.plex.getState().load(plexAccount.id);
    const html = render(stores);
    expect(control(html, 'Sync with Home')).toMatch(/type="checkbox"[^>]*checked=""/);
    expect(control(html, 'Sync with Friend')).not.toContain('checked');
    const select = control(html, 'Anime holds');
    expect(select).toMatch(/^<select/);
    expect(control(html, 'Films holds')).not.toBeNull();
    expect(html).toMatch(/<option value="anime" selected="">Anime<\/option><option value="shows">Other shows<\/option><option value="movies">Movies<\/option><option value="music">Music<\/option><option value="none">Not synced<\/option>/);
    expect(button(html, 'Refresh servers for mika (Plex)')).not.toBeNull();
  });

  it('says why Plex servers could not be read', async () => {
    const { stores } = await ready({ 'plex.servers': () => fail('network', 'Could not reach plex.tv.') }, [plexAccount]);
    await stores.plex.getState().load(plexAccount.id);
    expect(render(stores)).toContain('Could not read the servers: Could not reach plex.tv.');
  });

  it('shows why a disconnect failed next to the account', async () => {
    const { stores } = await ready({ 'accounts.disconnect': () => fail('unavailable', 'The keychain is locked.') }, [yui]);
    await stores.signIn.getState().disconnect(yui);
    expect(render(stores)).toContain('Could not disconnect Yui (AniList): The keychain is locked.');
  });
});

describe('the disconnect confirmation', () => {
  it('is a labelled modal dialog whose safe choice comes first', () => {
    const html = renderToStaticMarkup(
      <ConfirmDialog title="Disconnect Yui (AniList)?" confirmLabel="Disconnect" cancelLabel="Keep connected" onConfirm={() => undefined} onDismiss={() => undefined}>
        Body
      </ConfirmDialog>,
    );
    const labelled = /<dialog[^>]*aria-labelledby="([^"]+)"/.exec(html)?.[1];
    expect(html).toContain(`<h2 id="${labelled}" class="dialog__title">Disconnect Yui (AniList)?</h2>`);
    expect(html.indexOf('Keep connected')).toBeLessThan(html.indexOf('>Disconnect<'));
  });
});

describe('Settings and Dashboard', () => {
  it('Settings has the Sign-in port field and a way to the Accounts screen, and keeps its other names', async () => {
    const { stores } = await ready();
    const html = render(stores, createElement(SettingsScreen));
    expect(control(html, 'Sign-in port')).toMatch(/type="number"[^>]*min="1024" max="65535"[^>]*value="47824"/);
    expect(text(html)).toContain('http://127.0.0.1:47824/callback');
    expect(control(html, 'Sync interval (minutes)')).toContain('value="60"');
    expect(control(html, 'Pause scheduled sync')).toContain('type="checkbox"');
    expect(html).toMatch(/<a class="button" href="#\/accounts">Manage accounts<\/a>/);
  });

  it('shows the validation message for a refused port inline', async () => {
    const { stores } = await ready({
      'settings.update': () => fail('validation', 'Invalid', [{ path: 'signIn.loopbackPort', message: 'Use a port from 1024 to 65535.' }]),
    });
    await stores.settings.getState().change('signIn.loopbackPort', 80);
    expect(stores.settings.getState().fields['signIn.loopbackPort']).toEqual({ state: 'invalid', message: 'Use a port from 1024 to 65535.' });
  });

  it('the Dashboard flags an account that needs signing in and links to the Accounts screen', async () => {
    const { stores } = await ready({}, [{ ...yui, status: 'needs-sign-in' }, plexAccount]);
    const html = render(stores, createElement(AccountsCard));
    expect(html).toContain('<span class="status-badge status-badge--warning">Needs sign-in</span>');
    expect(text(html)).toContain('Yui (AniList) needs signing in again');
    expect(html).toContain('<a href="#/accounts">Reconnect on the Accounts screen</a>');
    expect(html).toContain('<a href="#/accounts">Manage accounts</a>');
  });

  it('the Dashboard still says when no accounts are connected, with a link to connect', async () => {
    const { stores } = await ready();
    const html = render(stores, createElement(AccountsCard));
    expect(html).toContain('No accounts connected yet');
    expect(html).toMatch(/<a class="button button--primary empty-state__action" href="#\/accounts">Connect accounts<\/a>/);
  });
});
