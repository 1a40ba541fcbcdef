import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/contract';
import { signInPlex } from '../../../main/auth/flows/plex-flow';
import { connectPlexManually } from '../../../main/auth/flows/plex-servers';
import { fakeBrowser, promptLog, startAuthWorld, type AuthWorld } from './support';

let world: AuthWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const CLIENT = 'kizuna-test-install-0001';

async function sections(serverUri: string, token: string): Promise<number> {
  return (await fetch(`${serverUri}/library/sections`, { headers: { 'X-Plex-Token': token, accept: 'application/json' } })).status;
}

describe('Plex PIN sign-in against the emulator', () => {
  it('creates a strong PIN, opens the auth app with it in the fragment, polls, and lists servers with their tokens', async () => {
    world = await startAuthWorld({ autoApprove: true });
    const browser = fakeBrowser();
    const result = await signInPlex({ services: world.emulators.servicesConfig, clientIdentifier: CLIENT, browser, sleep: world.sleep, now: world.now });
    const opened = new URL(browser.opened[0] ?? '');
    expect(`${opened.origin}${opened.pathname}`).toBe(world.emulators.servicesConfig.plextv.auth);
    expect(opened.hash).toMatch(new RegExp(`^#\\?clientID=${CLIENT}&code=[a-z0-9]+&context%5Bdevice%5D%5Bproduct%5D=Kizuna$`));
    expect(result).toMatchObject({ service: 'plex', refreshToken: null, expiresAt: null });
    const server = result.servers[0]!;
    expect(server).toMatchObject({ name: world.emulators.world.users.plex.serverName, machineIdentifier: world.emulators.world.users.plex.machineIdentifier, owned: true });
    expect(server.connections[0]).toMatchObject({ uri: world.emulators.urls.plex, local: true, relay: false });
    expect(await sections(server.connections[0]!.uri, server.accessToken ?? '')).toBe(200);
  });

  it('waits for the person to approve in the auth app', async () => {
    world = await startAuthWorld({ autoApprove: false });
    // The page stays open unanswered for two polls; then the person presses Approve.
    const browser = fakeBrowser({ decision: 'ignore' });
    let polls = 0;
    const sleep = async (ms: number, signal?: AbortSignal) => {
      polls += 1;
      if (polls === 3) expect((await fakeBrowser({ decision: 'approve' }).visit(browser.opened[0] ?? '')).hops[0]).toMatchObject({ status: 200 });
      return world!.sleep(ms, signal);
    };
    const result = await signInPlex({ services: world.emulators.servicesConfig, clientIdentifier: CLIENT, browser, sleep, now: world.now });
    expect(result.servers).toHaveLength(1);
    expect(polls).toBe(3);
  });

  it('gives up when the PIN expires, polling about once a second until then', async () => {
    world = await startAuthWorld({ autoApprove: false });
    const sleeps = new Set<number>();
    const sleep = (ms: number, signal?: AbortSignal) => (sleeps.add(ms), world!.sleep(ms * 30, signal));
    const error = await signInPlex({ services: world.emulators.servicesConfig, clientIdentifier: CLIENT, browser: fakeBrowser({ decision: 'ignore' }), sleep, now: world.now }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'timeout' });
    expect((error as AppError).message).toContain('expired');
    expect([...sleeps]).toEqual([1000]);
  });

  it('without a browser the auth URL goes to the prompt and polling goes on; cancel stops it', async () => {
    world = await startAuthWorld({ autoApprove: false });
    const prompts = promptLog();
    const controller = new AbortController();
    let polls = 0;
    const sleep = (ms: number, signal?: AbortSignal) => {
      polls += 1;
      if (polls === 5) controller.abort();
      return world!.sleep(ms, signal);
    };
    const error = await signInPlex({ services: world.emulators.servicesConfig, clientIdentifier: CLIENT, browser: fakeBrowser({ canOpen: false }), onPrompt: prompts.onPrompt, sleep, signal: controller.signal }).catch((caught: unknown) => caught);
    expect(prompts.last('open-url')).toMatchObject({ browserOpened: false, url: expect.stringContaining('#?clientID=') as unknown });
    expect((error as Error).name).toBe('AbortError');
  });

  it('a malformed PIN answer names the field', async () => {
    world = await startAuthWorld({ autoApprove: true });
    const noCode: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input).includes('/pins?')) return response;
      const body = (await response.json()) as Record<string, unknown>;
      delete body.code;
      return new Response(JSON.stringify(body), { status: response.status });
    };
    await expect(signInPlex({ services: world.emulators.servicesConfig, clientIdentifier: CLIENT, browser: fakeBrowser(), fetch: noCode })).rejects.toThrow(/Plex sent an unexpected answer to the PIN request: field "code"/);
  });
});

describe('Plex by hand: server URL and token', () => {
  it('checks the server by /identity and the token by /library/sections', async () => {
    world = await startAuthWorld({ autoApprove: true });
    const token = (await signInPlex({ services: world.emulators.servicesConfig, clientIdentifier: CLIENT, browser: fakeBrowser(), sleep: world.sleep })).servers[0]!.accessToken ?? '';
    const server = await connectPlexManually({ serverUrl: `${world.emulators.urls.plex}/`, token, clientIdentifier: CLIENT });
    expect(server).toMatchObject({ machineIdentifier: world.emulators.world.users.plex.machineIdentifier, accessToken: token, connections: [{ uri: world.emulators.urls.plex, local: true }] });
    await expect(connectPlexManually({ serverUrl: world.emulators.urls.plex, token: 'wrong-token', clientIdentifier: CLIENT })).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(connectPlexManually({ serverUrl: 'not a url', token, clientIdentifier: CLIENT })).rejects.toMatchObject({ code: 'validation' });
    await expect(connectPlexManually({ serverUrl: 'http://127.0.0.1:1', token, clientIdentifier: CLIENT })).rejects.toMatchObject({ code: 'network' });
  });
});
