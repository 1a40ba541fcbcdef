import { describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/contract';
import { accountsSetup, deferred, fail, ok, yui } from './accounts-fixtures';
import { flush } from './fakes';

const openUrl = { kind: 'open-url', url: 'https://anilist.co/api/v2/oauth/authorize?client_id=1', browserOpened: false, message: 'Sign in on AniList, then come back here.' } as const;

function finished(outcome: 'connected' | 'failed' | 'cancelled', extra: object = {}) {
  return { attemptId: 'att-1', service: 'anilist', outcome, account: null, error: null, ...extra };
}

describe('sign-in store', () => {
  it('connect → prompt → finished: the prompt shows while waiting, then the account is listed and a toast says so', async () => {
    const setup = accountsSetup({ 'accounts.connect': () => ok({ attemptId: 'att-1' }) });
    const { stores, transport, state } = setup;
    stores.start();
    await flush();

    await stores.signIn.getState().connect({ service: 'anilist', method: 'implicit' });
    expect(setup.calls('accounts.connect')).toEqual([{ service: 'anilist', method: 'implicit' }]);
    expect(stores.signIn.getState().attempts.anilist).toMatchObject({ attemptId: 'att-1', prompt: null });

    transport.emit('auth.prompt', { attemptId: 'att-1', service: 'anilist', prompt: openUrl });
    expect(stores.signIn.getState().attempts.anilist?.prompt).toEqual(openUrl);

    state.accounts = [yui];
    transport.emit('auth.finished', finished('connected', { account: yui }));
    await flush();
    expect(stores.signIn.getState().attempts.anilist).toBeUndefined();
    expect(stores.signIn.getState().notices.anilist).toEqual({ tone: 'success', message: 'Connected AniList as Yui.' });
    expect(setup.toasts()).toContainEqual({ tone: 'success', message: 'Connected AniList as Yui.' });
    expect(stores.accounts.getState().value).toEqual([yui]);
  });

  it('keeps events that arrive before accounts.connect answers and applies them once it does', async () => {
    const answer = deferred<Result<unknown>>();
    const { stores, transport } = accountsSetup({ 'accounts.connect': () => answer.promise });
    stores.start();
    const pending = stores.signIn.getState().connect({ service: 'trakt' });
    const code = { kind: 'device-code', userCode: 'AB12CD34', verificationUrl: 'https://trakt.tv/activate', expiresAt: '2026-11-22T04:00:00.000Z', message: 'Enter the code on Trakt.' };
    transport.emit('auth.prompt', { attemptId: 'att-9', service: 'trakt', prompt: code });
    expect(stores.signIn.getState().attempts.trakt?.prompt).toBeNull();
    answer.resolve(ok({ attemptId: 'att-9' }));
    await pending;
    expect(stores.signIn.getState().attempts.trakt).toMatchObject({ attemptId: 'att-9', prompt: code });
  });

  it('shows the error message inline when the sign-in fails, with no success toast', async () => {
    const { stores, transport, toasts } = accountsSetup({ 'accounts.connect': () => ok({ attemptId: 'att-1' }) });
    stores.start();
    await stores.signIn.getState().connect({ service: 'anilist' });
    transport.emit('auth.finished', finished('failed', { error: { code: 'forbidden', message: 'AniList refused the sign-in: the redirect URI does not match.' } }));
    expect(stores.signIn.getState().attempts.anilist).toBeUndefined();
    expect(stores.signIn.getState().notices.anilist).toEqual({ tone: 'error', message: 'AniList refused the sign-in: the redirect URI does not match.' });
    expect(toasts().filter((t) => t.tone === 'success')).toEqual([]);
  });

  it('shows why accounts.connect itself was refused', async () => {
    const { stores } = accountsSetup({ 'accounts.connect': () => fail('validation', 'Trakt needs your own API client: enter its client ID first.') });
    await stores.signIn.getState().connect({ service: 'trakt' });
    expect(stores.signIn.getState().attempts.trakt).toBeUndefined();
    expect(stores.signIn.getState().notices.trakt).toEqual({ tone: 'error', message: 'Trakt needs your own API client: enter its client ID first.' });
  });

  it('cancels by attempt id, and says so when auth.finished reports it', async () => {
    const { stores, transport, calls } = accountsSetup({
      'accounts.connect': () => ok({ attemptId: 'att-1' }),
      'accounts.cancel': () => ok({ cancelled: true }),
    });
    stores.start();
    await stores.signIn.getState().connect({ service: 'anilist' });
    await stores.signIn.getState().cancel('anilist');
    expect(calls('accounts.cancel')).toEqual([{ attemptId: 'att-1' }]);
    expect(stores.signIn.getState().attempts.anilist?.cancelling).toBe(true);
    transport.emit('auth.finished', finished('cancelled'));
    expect(stores.signIn.getState().attempts.anilist).toBeUndefined();
    expect(stores.signIn.getState().notices.anilist).toEqual({ tone: 'info', message: 'AniList sign-in cancelled.' });
  });

  it('sends a cancel pressed before the attempt had an id as soon as it has one', async () => {
    const answer = deferred<Result<unknown>>();
    const { stores, calls } = accountsSetup({ 'accounts.connect': () => answer.promise, 'accounts.cancel': () => ok({ cancelled: true }) });
    const pending = stores.signIn.getState().connect({ service: 'mal' });
    await stores.signIn.getState().cancel('mal');
    expect(calls('accounts.cancel')).toEqual([]);
    answer.resolve(ok({ attemptId: 'att-5' }));
    await pending;
    expect(calls('accounts.cancel')).toEqual([{ attemptId: 'att-5' }]);
  });

  it('lets go of an attempt the core no longer knows (its end was missed), instead of waiting forever', async () => {
    const { stores } = accountsSetup({ 'accounts.connect': () => ok({ attemptId: 'att-1' }), 'accounts.cancel': () => ok({ cancelled: false }) });
    await stores.signIn.getState().connect({ service: 'anilist' });
    await stores.signIn.getState().cancel('anilist');
    expect(stores.signIn.getState().attempts.anilist).toBeUndefined();
    expect(stores.signIn.getState().notices.anilist?.message).toBe('The AniList sign-in had already ended.');
  });

  it('runs one attempt per service at a time', async () => {
    const { stores, calls } = accountsSetup({ 'accounts.connect': () => ok({ attemptId: 'att-1' }) });
    await stores.signIn.getState().connect({ service: 'anilist' });
    await stores.signIn.getState().connect({ service: 'anilist', method: 'pin' });
    expect(calls('accounts.connect')).toHaveLength(1);
  });

  it("ignores other windows' attempts", async () => {
    const { stores, transport } = accountsSetup({ 'accounts.connect': () => ok({ attemptId: 'att-1' }) });
    stores.start();
    await stores.signIn.getState().connect({ service: 'anilist' });
    transport.emit('auth.prompt', { attemptId: 'elsewhere', service: 'anilist', prompt: openUrl });
    transport.emit('auth.finished', { ...finished('failed'), attemptId: 'elsewhere', error: { code: 'network', message: 'x' } });
    expect(stores.signIn.getState().attempts.anilist).toMatchObject({ attemptId: 'att-1', prompt: null });
    expect(stores.signIn.getState().notices.anilist).toBeUndefined();
  });

  it("completes AniList's pin method with the pasted token", async () => {
    const { stores, calls, toasts } = accountsSetup({
      'accounts.connect': () => ok({ attemptId: 'att-1' }),
      'accounts.connectWithToken': () => ok(yui),
    });
    await stores.signIn.getState().connect({ service: 'anilist', method: 'pin' });
    const account = await stores.signIn.getState().connectWithToken({ service: 'anilist', token: 'eyJ.token' });
    expect(account).toEqual(yui);
    expect(calls('accounts.connectWithToken')).toEqual([{ service: 'anilist', token: 'eyJ.token' }]);
    expect(stores.signIn.getState().attempts.anilist).toBeUndefined();
    expect(toasts()).toContainEqual({ tone: 'success', message: 'Connected AniList as Yui.' });
  });

  it('puts validation problems with a typed-in token on the field, other failures on the form', async () => {
    const { stores, handlers } = accountsSetup({
      'accounts.connectWithToken': () => fail('validation', 'Invalid input', [{ path: 'serverUrl', message: 'Enter the server address, e.g. http://192.168.1.20:32400.' }]),
    });
    expect(await stores.signIn.getState().connectWithToken({ service: 'plex', serverUrl: 'nas', token: 't' })).toBeNull();
    expect(stores.signIn.getState().tokenForms.plex).toEqual({
      pending: false,
      error: null,
      fieldErrors: { serverUrl: 'Enter the server address, e.g. http://192.168.1.20:32400.' },
    });
    handlers['accounts.connectWithToken'] = () => fail('network', 'Could not reach http://nas:32400.');
    await stores.signIn.getState().connectWithToken({ service: 'plex', serverUrl: 'http://nas:32400', token: 't' });
    expect(stores.signIn.getState().tokenForms.plex).toMatchObject({ error: 'Could not reach http://nas:32400.', fieldErrors: {} });
  });

  it("disconnects, shows the core's message and re-reads the accounts", async () => {
    const { stores, state, calls, toasts } = accountsSetup(
      { 'accounts.disconnect': () => ok({ revoked: null, message: 'Disconnected Yui from AniList and deleted its sign-in.' }) },
      [yui],
    );
    stores.start();
    await flush();
    state.accounts = [];
    expect(await stores.signIn.getState().disconnect(yui)).toBe(true);
    await flush();
    expect(calls('accounts.disconnect')).toEqual([{ accountId: yui.id }]);
    expect(toasts()).toContainEqual({ tone: 'success', message: 'Disconnected Yui from AniList and deleted its sign-in.' });
    expect(stores.accounts.getState().value).toEqual([]);
  });

  it('keeps the account and says why when disconnecting fails', async () => {
    const { stores } = accountsSetup({ 'accounts.disconnect': () => fail('unavailable', 'The keychain is locked.') });
    expect(await stores.signIn.getState().disconnect(yui)).toBe(false);
    expect(stores.signIn.getState().disconnects[yui.id]).toEqual({ pending: false, error: 'The keychain is locked.' });
  });
});
