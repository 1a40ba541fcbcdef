import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/contract';
import { refreshTraktToken, revokeTraktToken, signInTrakt } from '../../../main/auth/flows/trakt-flow';
import { fakeBrowser, promptLog, startAuthWorld, TRAKT, type AuthWorld } from './support';

let world: AuthWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function settings(token: string): Promise<number> {
  const response = await fetch(`${world!.emulators.servicesConfig.trakt.api}/users/settings`, {
    headers: { authorization: `Bearer ${token}`, 'trakt-api-key': TRAKT.clientId, 'trakt-api-version': '2' },
  });
  return response.status;
}

describe('Trakt device-code sign-in against the emulator', () => {
  it('shows the code and URL, opens the URL, polls at the interval and gets tokens (client secret)', async () => {
    world = await startAuthWorld({ autoApprove: true });
    const prompts = promptLog();
    const browser = fakeBrowser({ decision: 'ignore' });
    const sleeps: number[] = [];
    const sleep = (ms: number, signal?: AbortSignal) => (sleeps.push(ms), world!.sleep(ms, signal));
    const started = world.now();
    const result = await signInTrakt({ services: world.emulators.servicesConfig, ...TRAKT, browser, onPrompt: prompts.onPrompt, sleep, now: world.now });
    const device = prompts.last('device-code')!;
    expect(device.userCode).toMatch(/^[0-9A-F]{8}$/);
    expect(device.message).toContain(device.verificationUrl);
    expect(browser.opened).toEqual([device.verificationUrl]);
    expect(sleeps).toEqual([5000, 5000]);
    expect(result).toMatchObject({ service: 'trakt', scope: 'public', refreshToken: expect.any(String) as unknown });
    // created_at + expires_in: seven days from when the token was made.
    expect(Date.parse(result.expiresAt ?? '')).toBe(Math.floor((started + 10_000) / 1000) * 1000 + 7 * 86_400_000);
    expect(await settings(result.accessToken)).toBe(200);
  });

  it('without a client secret uses PKCE S256, waits while pending, and succeeds once the person approves', async () => {
    world = await startAuthWorld({ autoApprove: false });
    let polls = 0;
    const prompts = promptLog();
    const sleep = (ms: number, signal?: AbortSignal) => {
      polls += 1;
      if (polls === 3) world!.trakt.state.settleDevice(prompts.last('device-code')!.userCode, true);
      return world!.sleep(ms, signal);
    };
    const result = await signInTrakt({ services: world.emulators.servicesConfig, clientId: TRAKT.clientId, browser: fakeBrowser({ decision: 'ignore' }), onPrompt: prompts.onPrompt, sleep, now: world.now });
    expect(polls).toBe(3);
    expect(await settings(result.accessToken)).toBe(200);
    // A PKCE-only token refreshes without the secret, and the old refresh token is then spent.
    const refreshed = await refreshTraktToken({ services: world.emulators.servicesConfig, clientId: TRAKT.clientId, refreshToken: result.refreshToken ?? '', now: world.now });
    expect(await settings(refreshed.accessToken)).toBe(200);
    await expect(refreshTraktToken({ services: world.emulators.servicesConfig, clientId: TRAKT.clientId, refreshToken: result.refreshToken ?? '' })).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('a denied code ends the flow; an expired one too', async () => {
    world = await startAuthWorld({ autoApprove: false });
    const services = world.emulators.servicesConfig;
    const prompts = promptLog();
    const deny = (ms: number, signal?: AbortSignal) => {
      world!.trakt.state.settleDevice(prompts.last('device-code')!.userCode, false);
      return world!.sleep(ms, signal);
    };
    const denied = await signInTrakt({ services, ...TRAKT, browser: fakeBrowser(), onPrompt: prompts.onPrompt, sleep: deny, now: world.now }).catch((caught: unknown) => caught);
    expect(denied).toMatchObject({ code: 'forbidden' });
    expect((denied as AppError).message).toContain('denied');
    const expired = await signInTrakt({ services, ...TRAKT, browser: fakeBrowser(), sleep: world.sleep, now: world.now }).catch((caught: unknown) => caught);
    expect(expired).toMatchObject({ code: 'timeout' });
    expect((expired as AppError).message).toContain('expired');
  });

  it('slows down on 429 (RFC 8628: +5 s for this and later polls)', async () => {
    world = await startAuthWorld({ autoApprove: true });
    const sleeps: number[] = [];
    // The second wait is cut short, as a clock skew would: the emulator answers 429.
    const sleep = (ms: number, signal?: AbortSignal) => (sleeps.push(ms), world!.sleep(sleeps.length === 2 ? 1000 : ms, signal));
    await signInTrakt({ services: world.emulators.servicesConfig, ...TRAKT, browser: fakeBrowser(), sleep, now: world.now });
    expect(sleeps).toEqual([5000, 5000, 10_000]);
  });

  it.each([
    [404, 'not_found', 'does not recognise'],
    [409, 'conflict', 'already been used'],
    [410, 'timeout', 'expired'],
    [418, 'forbidden', 'denied'],
    [401, 'unauthenticated', 'client ID and secret'],
  ])('answers HTTP %i from the device token check with %s', async (status, code, text) => {
    world = await startAuthWorld({ autoApprove: true });
    const fetchWith: typeof fetch = async (input, init) => (String(input).endsWith('/oauth/device/token') ? new Response(null, { status }) : fetch(input, init));
    const error = await signInTrakt({ services: world.emulators.servicesConfig, ...TRAKT, browser: fakeBrowser(), sleep: world.sleep, now: world.now, fetch: fetchWith }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code });
    expect((error as AppError).message).toContain(text);
  });

  it('keeps polling through a 5xx or a dropped connection', async () => {
    world = await startAuthWorld({ autoApprove: true });
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/oauth/device/token')) {
        calls += 1;
        if (calls === 1) return new Response('oops', { status: 502 });
        if (calls === 2) throw new TypeError('fetch failed');
      }
      return fetch(input, init);
    };
    const result = await signInTrakt({ services: world.emulators.servicesConfig, ...TRAKT, browser: fakeBrowser(), sleep: world.sleep, now: world.now, fetch: flaky });
    expect(result.service).toBe('trakt');
  });

  it('refresh is single use; revoke ends the token', async () => {
    world = await startAuthWorld({ autoApprove: true });
    const services = world.emulators.servicesConfig;
    const first = await signInTrakt({ services, ...TRAKT, browser: fakeBrowser(), sleep: world.sleep, now: world.now });
    const second = await refreshTraktToken({ services, ...TRAKT, refreshToken: first.refreshToken ?? '' });
    expect(await settings(first.accessToken)).toBe(401);
    await expect(refreshTraktToken({ services, ...TRAKT, refreshToken: first.refreshToken ?? '' })).rejects.toMatchObject({ code: 'unauthenticated' });
    await revokeTraktToken({ services, ...TRAKT, token: second.accessToken });
    expect(await settings(second.accessToken)).toBe(401);
  });

  it('without a browser the code and URL are still shown; cancelling stops the polling', async () => {
    world = await startAuthWorld({ autoApprove: false });
    const prompts = promptLog();
    const controller = new AbortController();
    const sleep = (ms: number, signal?: AbortSignal) => {
      if (prompts.prompts.length >= 2) controller.abort();
      return world!.sleep(ms, signal);
    };
    const error = await signInTrakt({ services: world.emulators.servicesConfig, ...TRAKT, browser: fakeBrowser({ canOpen: false }), onPrompt: prompts.onPrompt, sleep, signal: controller.signal }).catch((caught: unknown) => caught);
    expect(prompts.last('device-code')).toBeDefined();
    expect(prompts.last('open-url')).toMatchObject({ browserOpened: false });
    expect((error as Error).name).toBe('AbortError');
  });
});
