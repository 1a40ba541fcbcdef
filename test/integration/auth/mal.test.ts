import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/contract';
import { refreshMalToken, signInMal } from '../../../main/auth/flows/mal-flow';
import { fakeBrowser, freePort, MAL, promptLog, startAuthWorld, type AuthWorld } from './support';

let world: AuthWorld | undefined;
let blocker: Server | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
  await new Promise((resolve) => (blocker ? blocker.close(resolve) : resolve(undefined)));
  blocker = undefined;
});

async function me(token: string): Promise<number> {
  return (await fetch(`${world!.emulators.servicesConfig.mal.api}/users/@me`, { headers: { authorization: `Bearer ${token}` } })).status;
}

describe('MyAnimeList sign-in against the emulator', () => {
  it('authorization code with PKCE plain through the approve page; no client secret for a public app', async () => {
    world = await startAuthWorld({ autoApprove: false });
    const browser = fakeBrowser({ decision: 'approve' });
    const result = await signInMal({ services: world.emulators.servicesConfig, clientId: MAL.clientId, port: world.port, browser, now: world.now });
    expect(result).toMatchObject({ service: 'mal', refreshToken: expect.any(String) as unknown });
    expect(Date.parse(result.expiresAt ?? '')).toBe(world.now() + 3600_000);
    expect(await me(result.accessToken)).toBe(200);
    const authorize = new URL(browser.opened[0] ?? '');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('plain');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
  });

  it('refreshes, and a refresh token works once', async () => {
    world = await startAuthWorld({ autoApprove: true });
    const services = world.emulators.servicesConfig;
    const first = await signInMal({ services, clientId: MAL.clientId, port: world.port, browser: fakeBrowser() });
    const second = await refreshMalToken({ services, clientId: MAL.clientId, refreshToken: first.refreshToken ?? '' });
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(await me(second.accessToken)).toBe(200);
    expect(await me(first.accessToken)).toBe(401);
    await expect(refreshMalToken({ services, clientId: MAL.clientId, refreshToken: first.refreshToken ?? '' })).rejects.toMatchObject({ code: 'unauthenticated', message: expect.stringContaining('Sign in to MyAnimeList again') as unknown });
  });

  it('a denied sign-in, a reused code and an expired code each end with a clear error', async () => {
    world = await startAuthWorld({ autoApprove: false });
    const services = world.emulators.servicesConfig;
    await expect(signInMal({ services, clientId: MAL.clientId, port: world.port, browser: fakeBrowser({ decision: 'deny' }) })).rejects.toMatchObject({ code: 'forbidden' });

    const replay = fakeBrowser({
      decision: 'approve',
      beforeReturn: async (url) => {
        // Somebody else redeems the code first (MAL's own verifier is the challenge, visible in the URL).
        const verifier = new URL(replay.opened.at(-1) ?? '').searchParams.get('code_challenge') ?? '';
        const form = new URLSearchParams({ client_id: MAL.clientId, grant_type: 'authorization_code', code: url.searchParams.get('code') ?? '', redirect_uri: `${url.origin}${url.pathname}`, code_verifier: verifier });
        expect((await fetch(`${services.mal.auth}/token`, { method: 'POST', body: form })).status).toBe(200);
      },
    });
    const reused = await signInMal({ services, clientId: MAL.clientId, port: world.port, browser: replay }).catch((caught: unknown) => caught);
    expect((reused as AppError).message).toContain('Authorization code has been revoked');

    const late = fakeBrowser({ decision: 'approve', beforeReturn: () => world!.clock.advance(11 * 60_000) });
    const expired = await signInMal({ services, clientId: MAL.clientId, port: world.port, browser: late }).catch((caught: unknown) => caught);
    expect((expired as AppError).message).toContain('Authorization code has expired');
  });

  it('a redirect URI on another port never reaches Kizuna: the flow times out and says what to register', async () => {
    world = await startAuthWorld({ autoApprove: true });
    const otherPort = await freePort();
    const browser = fakeBrowser();
    const error = await signInMal({ services: world.emulators.servicesConfig, clientId: MAL.clientId, port: otherPort, timeoutMs: 500, browser }).catch((caught: unknown) => caught);
    expect((await browser.visits[0]!).hops[0]).toMatchObject({ status: 401 });
    expect((error as AppError).message).toContain(`http://127.0.0.1:${otherPort}/callback`);
  });

  it('says when the port is taken, before opening any page', async () => {
    world = await startAuthWorld({ autoApprove: true });
    blocker = createServer();
    await new Promise<void>((resolve) => blocker!.listen(world!.port, '127.0.0.1', resolve));
    const browser = fakeBrowser();
    await expect(signInMal({ services: world.emulators.servicesConfig, clientId: MAL.clientId, port: world.port, browser })).rejects.toMatchObject({ code: 'conflict' });
    expect(browser.opened).toEqual([]);
  });

  it('can be cancelled while waiting for the browser, and frees the port', async () => {
    world = await startAuthWorld({ autoApprove: false });
    const controller = new AbortController();
    const prompts = promptLog();
    const signIn = signInMal({ services: world.emulators.servicesConfig, clientId: MAL.clientId, port: world.port, browser: fakeBrowser({ decision: 'ignore' }), onPrompt: prompts.onPrompt, signal: controller.signal });
    await expect.poll(() => prompts.last('open-url')).toBeDefined();
    controller.abort();
    await expect(signIn).rejects.toMatchObject({ name: 'AbortError' });
    await expect(fetch(`http://127.0.0.1:${world.port}/callback`)).rejects.toThrow();
  });

  it('a malformed token answer names the service and the field', async () => {
    world = await startAuthWorld({ autoApprove: true });
    const fetchWithoutRefresh: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input).endsWith('/token')) return response;
      const body = (await response.json()) as Record<string, unknown>;
      delete body.refresh_token;
      return new Response(JSON.stringify(body), { status: response.status });
    };
    const error = await signInMal({ services: world.emulators.servicesConfig, clientId: MAL.clientId, port: world.port, browser: fakeBrowser(), fetch: fetchWithoutRefresh }).catch((caught: unknown) => caught);
    expect((error as AppError).message).toMatch(/MyAnimeList sent an unexpected answer to the token exchange: field "refresh_token"/);
  });
});
