import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract';
import { acceptAniListToken, openAniListPinPage, signInAniListImplicit, signInAniListWithCode } from '../../../main/auth/flows/anilist-flow';
import { readJwt } from '../../../main/auth/flows/jwt';
import { ANILIST, fakeBrowser, freePort, promptLog, startAuthWorld, type AuthWorld } from './support';

let world: AuthWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const YEAR_MS = 31_536_000_000;

async function viewerId(token: string): Promise<unknown> {
  const response = await fetch(world!.emulators.servicesConfig.anilist.api, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ Viewer { id } }' }),
  });
  return ((await response.json()) as { data?: { Viewer?: { id: number } } }).data?.Viewer?.id;
}

describe('AniList sign-in against the emulator', () => {
  it('authorization code with the client secret: approve page, loopback answer, exchange, a working JWT', async () => {
    world = await startAuthWorld({ autoApprove: false });
    const browser = fakeBrowser({ decision: 'approve' });
    const result = await signInAniListWithCode({ services: world.emulators.servicesConfig, clientId: ANILIST.clientId, clientSecret: ANILIST.clientSecret, port: world.port, browser, now: world.now });
    expect(result).toMatchObject({ service: 'anilist', refreshToken: null, extra: { userId: world.emulators.world.users.anilist.id } });
    expect(Date.parse(result.expiresAt ?? '')).toBe(world.now() + YEAR_MS);
    expect(await viewerId(result.accessToken)).toBe(world.emulators.world.users.anilist.id);
    const authorize = new URL(browser.opened[0] ?? '');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`http://127.0.0.1:${world.port}/callback`);
    const visit = await browser.visits[0]!;
    expect(visit.hops.at(-1)?.body).toContain('You can close this tab and return to Kizuna.');
  });

  it('a declined sign-in ends the flow with a clear message', async () => {
    world = await startAuthWorld({ autoApprove: false });
    const error = await signInAniListWithCode({ services: world.emulators.servicesConfig, clientId: ANILIST.clientId, clientSecret: ANILIST.clientSecret, port: world.port, browser: fakeBrowser({ decision: 'deny' }) }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'forbidden' });
    expect((error as AppError).message).toContain('declined');
  });

  it('the implicit grant: the fragment is relayed to the listener by the page', async () => {
    world = await startAuthWorld({ autoApprove: true });
    const browser = fakeBrowser();
    const result = await signInAniListImplicit({ services: world.emulators.servicesConfig, clientId: ANILIST.clientId, port: world.port, browser, now: world.now });
    expect(new URL(browser.opened[0] ?? '').searchParams.has('redirect_uri')).toBe(false);
    expect(await viewerId(result.accessToken)).toBe(world.emulators.world.users.anilist.id);
    const hops = (await browser.visits[0]!).hops;
    expect(hops.at(-2)?.body).toContain('/callback/fragment.js');
    expect(JSON.parse(hops.at(-1)?.body ?? '{}')).toMatchObject({ title: 'Signed in to AniList' });
  });

  it('the pin page: the pasted token is checked for JWT shape and expiry, and its user id read', async () => {
    world = await startAuthWorld({ autoApprove: true });
    const browser = fakeBrowser();
    const url = await openAniListPinPage({ services: world.emulators.servicesConfig, clientId: ANILIST.pinClientId, browser });
    const landing = (await browser.visits[0]!).hops.find((hop) => hop.location)?.location ?? '';
    const shown = new URLSearchParams(new URL(landing).hash.slice(1)).get('access_token') ?? '';
    expect(url).toContain('response_type=token');
    const result = acceptAniListToken(`  ${shown}\n`, world.now);
    expect(result).toMatchObject({ service: 'anilist', accessToken: shown, extra: { userId: world.emulators.world.users.anilist.id } });
    expect(acceptAniListToken(landing, world.now).accessToken).toBe(shown);
    expect(() => acceptAniListToken('not a token')).toThrow(/not an AniList access token/);
    expect(() => acceptAniListToken(shown, () => world!.now() + 2 * YEAR_MS)).toThrow(/expired/);
    expect(readJwt(shown)?.sub).toBe(String(world.emulators.world.users.anilist.id));
  });

  it('a code already used by someone else is refused at the exchange, clearly', async () => {
    world = await startAuthWorld({ autoApprove: true });
    const services = world.emulators.servicesConfig;
    const browser = fakeBrowser({
      beforeReturn: async (url) => {
        const code = url.searchParams.get('code') ?? '';
        const body = { grant_type: 'authorization_code', client_id: ANILIST.clientId, client_secret: ANILIST.clientSecret, redirect_uri: `${url.origin}${url.pathname}`, code };
        expect((await fetch(`${services.anilist.auth}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).status).toBe(200);
      },
    });
    const error = await signInAniListWithCode({ services, clientId: ANILIST.clientId, clientSecret: ANILIST.clientSecret, port: world.port, browser }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/AniList refused the token exchange: HTTP 400 \(invalid_request: Authorization code has been revoked\)/);
  });

  it('an expired code (the browser came back after ten minutes) is refused', async () => {
    world = await startAuthWorld({ autoApprove: true });
    const browser = fakeBrowser({ beforeReturn: () => world!.clock.advance(11 * 60_000) });
    const error = await signInAniListWithCode({ services: world.emulators.servicesConfig, clientId: ANILIST.clientId, clientSecret: ANILIST.clientSecret, port: world.port, browser }).catch((caught: unknown) => caught);
    expect((error as AppError).message).toContain('Authorization code has expired');
  });

  it('a redirect URI on another port: AniList refuses on its page, and the flow times out naming the URI to register', async () => {
    world = await startAuthWorld({ autoApprove: true });
    const otherPort = await freePort();
    const browser = fakeBrowser();
    const error = await signInAniListWithCode({ services: world.emulators.servicesConfig, clientId: ANILIST.clientId, clientSecret: ANILIST.clientSecret, port: otherPort, timeoutMs: 500, browser }).catch((caught: unknown) => caught);
    expect((await browser.visits[0]!).hops[0]).toMatchObject({ status: 401 });
    expect(error).toMatchObject({ code: 'timeout' });
    expect((error as AppError).message).toContain(`register exactly http://127.0.0.1:${otherPort}/callback`);
  });

  it('without a browser the URL goes to the prompt and the flow still completes', async () => {
    world = await startAuthWorld({ autoApprove: true });
    const browser = fakeBrowser({ canOpen: false });
    const prompts = promptLog();
    const signIn = signInAniListWithCode({ services: world.emulators.servicesConfig, clientId: ANILIST.clientId, clientSecret: ANILIST.clientSecret, port: world.port, browser, onPrompt: prompts.onPrompt });
    await expect.poll(() => prompts.last('open-url')).toBeDefined();
    const prompt = prompts.last('open-url')!;
    expect(prompt).toMatchObject({ browserOpened: false });
    expect(prompt.message).toContain(prompt.url);
    await browser.visit(prompt.url);
    expect((await signIn).service).toBe('anilist');
  });
});
