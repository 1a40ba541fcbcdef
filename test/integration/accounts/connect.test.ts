import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Account, PlexServerView, ServiceClient } from '../../../shared/contract';
import { useTempDirs } from '../../support/temp-dir';
import { fakeBrowser } from '../auth/support';
import { call, eventsOf, startAccountsWorld, type AccountsWorld } from './support';

/** Every file under a folder, read as text: the test looks for secrets in all of it. */
function allFileText(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => readFileSync(path).toString('latin1'))
    .join('\n');
}

describe('connecting accounts through the core (emulators over 127.0.0.1)', () => {
  const tempDir = useTempDirs();
  let env: AccountsWorld | undefined;
  afterEach(async () => {
    await env?.close();
    env = undefined;
  });

  async function connect(service: string, extra: Record<string, unknown> = {}) {
    const { attemptId } = await call<{ attemptId: string }>(env!.core, 'accounts.connect', { service, ...extra });
    return env!.finished(attemptId);
  }

  it('connects all four services, stores tokens only in the secret store, and lists who is connected', async () => {
    const dataDir = tempDir();
    env = await startAccountsWorld({ dataDir, browser: fakeBrowser({ decision: 'approve' }) });
    for (const service of ['anilist', 'mal', 'trakt', 'plex']) {
      const finished = await connect(service);
      expect(finished, service).toMatchObject({ service, outcome: 'connected', error: null });
    }
    const accounts = await call<Account[]>(env.core, 'accounts.list');
    expect(accounts.map((account) => account.service).sort()).toEqual(['anilist', 'mal', 'plex', 'trakt']);
    for (const account of accounts) {
      expect(account.status).toBe('connected');
      expect(account.userName.length).toBeGreaterThan(0);
    }
    expect(accounts.find((account) => account.service === 'mal')?.tokenExpiresAt).toMatch(/^\d{4}-/);
    expect(eventsOf(env.events, 'accounts.changed').length).toBeGreaterThanOrEqual(4);

    const tokens = [...env.secrets.values()].map((value) => JSON.parse(value) as { accessToken: string; refreshToken: string | null });
    expect(tokens).toHaveLength(4);
    const leaked = allFileText(dataDir) + env.logLines.join('\n');
    for (const token of tokens) {
      expect(leaked.includes(token.accessToken)).toBe(false);
      if (token.refreshToken) expect(leaked.includes(token.refreshToken)).toBe(false);
    }
  });

  it('reads the Plex servers and libraries at sign-in, and keeps what each library holds', async () => {
    env = await startAccountsWorld({ dataDir: tempDir(), browser: fakeBrowser({ decision: 'approve' }) });
    const finished = await connect('plex');
    const accountId = finished.account!.id;
    const servers = await call<PlexServerView[]>(env.core, 'plex.servers', { accountId });
    expect(servers.length).toBeGreaterThan(0);
    const server = servers[0]!;
    expect(server).toMatchObject({ selected: true, problem: null });
    expect(server.address).toMatch(/^http:\/\/127\.0\.0\.1:/);
    expect(server.libraries.map((library) => library.type)).toEqual(expect.arrayContaining(['show', 'movie']));
    const show = server.libraries.find((library) => library.type === 'show')!;
    const updated = await call<PlexServerView[]>(env.core, 'plex.setLibrary', { accountId, machineIdentifier: server.machineIdentifier, key: show.key, holds: 'music' });
    expect(updated[0]!.libraries.find((library) => library.key === show.key)?.holds).toBe('music');
    // A refresh asks plex.tv and the server again, and keeps the person's choice.
    const refreshed = await call<PlexServerView[]>(env.core, 'plex.servers', { accountId, refresh: true });
    expect(refreshed[0]!.libraries.find((library) => library.key === show.key)?.holds).toBe('music');
    const deselected = await call<PlexServerView[]>(env.core, 'plex.selectServer', { accountId, machineIdentifier: server.machineIdentifier, selected: false });
    expect(deselected[0]!.selected).toBe(false);
    await expect(call(env.core, 'plex.setLibrary', { accountId, machineIdentifier: 'nope', key: show.key, holds: 'anime' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('reports prompts as events, and a reconnect of the same user updates the one account', async () => {
    env = await startAccountsWorld({ dataDir: tempDir(), browser: fakeBrowser({ canOpen: false }) });
    const mal = await call<{ attemptId: string }>(env.core, 'accounts.connect', { service: 'mal' });
    await vi.waitFor(() => expect(eventsOf(env!.events, 'auth.prompt').some((event) => event.attemptId === mal.attemptId)).toBe(true));
    const malPrompt = eventsOf(env.events, 'auth.prompt').find((event) => event.attemptId === mal.attemptId);
    expect(malPrompt?.prompt).toMatchObject({ kind: 'open-url', browserOpened: false, url: expect.stringContaining('/authorize?') });
    await call(env.core, 'accounts.cancel', { attemptId: mal.attemptId });
    const { attemptId } = await call<{ attemptId: string }>(env.core, 'accounts.connect', { service: 'trakt' });
    const finished = await env.finished(attemptId);
    expect(finished.outcome).toBe('connected');
    const prompts = eventsOf(env.events, 'auth.prompt').filter((event) => event.attemptId === attemptId);
    // One prompt: the code with its page. The flow's "open the page" step must not replace the code on screen.
    expect(prompts.map((event) => event.prompt.kind)).toEqual(['device-code']);
    expect(prompts[0]?.prompt).toMatchObject({ verificationUrl: expect.stringMatching(/\/activate$/), userCode: expect.any(String) });
    await connect('trakt');
    expect(await call<Account[]>(env.core, 'accounts.list')).toHaveLength(1);
  });

  it('cancels a sign-in that waits on the browser', async () => {
    env = await startAccountsWorld({ dataDir: tempDir(), browser: fakeBrowser({ decision: 'ignore' }) });
    const { attemptId } = await call<{ attemptId: string }>(env.core, 'accounts.connect', { service: 'mal' });
    const ended = env.finished(attemptId);
    expect(await call(env.core, 'accounts.cancel', { attemptId })).toEqual({ cancelled: true });
    expect(await ended).toMatchObject({ outcome: 'cancelled', account: null });
    expect(await call(env.core, 'accounts.cancel', { attemptId })).toEqual({ cancelled: false });
    expect(await call<Account[]>(env.core, 'accounts.list')).toEqual([]);
    // The port is free again: a new attempt can listen on it.
    expect((await connect('anilist')).outcome).toBe('connected');
  });

  it('takes AniList\'s pasted pin token and a Plex server typed in by hand', async () => {
    env = await startAccountsWorld({ dataDir: tempDir(), browser: fakeBrowser({ decision: 'approve' }) });
    const pin = await call<{ attemptId: string }>(env.core, 'accounts.connect', { service: 'anilist', method: 'pin' });
    const pinEnded = env.finished(pin.attemptId);
    const token = env.anilist.issueToken();
    const account = await call<Account>(env.core, 'accounts.connectWithToken', { service: 'anilist', token: `https://anilist.co/api/v2/oauth/pin#access_token=${token}&token_type=Bearer` });
    expect(account).toMatchObject({ service: 'anilist', status: 'connected' });
    expect(await pinEnded).toMatchObject({ outcome: 'connected', account: { id: account.id } });
    await expect(call(env.core, 'accounts.connectWithToken', { service: 'anilist', token: 'not-a-jwt' })).rejects.toMatchObject({ code: 'validation' });

    const plexToken = env.world.emulators.services.plextv ? await issuePlexToken(env) : '';
    const manual = await call<Account>(env.core, 'accounts.connectWithToken', { service: 'plex', serverUrl: env.world.emulators.urls.plex, token: plexToken });
    expect(manual.id).toMatch(/^plex:server:/);
    const servers = await call<PlexServerView[]>(env.core, 'plex.servers', { accountId: manual.id });
    expect(servers[0]?.libraries.length).toBeGreaterThan(0);
  });

  it('needs an own Trakt client when none is built in, and shows exactly what to register', async () => {
    env = await startAccountsWorld({ dataDir: tempDir(), browser: fakeBrowser({ decision: 'approve' }), builtInClients: {} });
    const clients = await call<ServiceClient[]>(env.core, 'clients.list');
    const trakt = clients.find((client) => client.service === 'trakt')!;
    expect(trakt).toMatchObject({ source: 'none', clientId: null, ownClientRequired: true, redirectUri: 'urn:ietf:wg:oauth:2.0:oob', developerUrl: 'https://trakt.tv/oauth/applications' });
    expect(clients.find((client) => client.service === 'mal')?.redirectUri).toBe(`http://127.0.0.1:${env.world.port}/callback`);
    await expect(call(env.core, 'accounts.connect', { service: 'trakt' })).rejects.toMatchObject({ code: 'validation', message: expect.stringMatching(/API client/) });

    const saved = await call<ServiceClient>(env.core, 'clients.set', { service: 'trakt', clientId: 'kizuna-demo-trakt', clientSecret: 'kizuna-demo-trakt-secret' });
    expect(saved).toMatchObject({ source: 'own', hasClientSecret: true, clientId: 'kizuna-demo-trakt' });
    expect(JSON.stringify(saved)).not.toContain('kizuna-demo-trakt-secret');
    expect((await connect('trakt')).outcome).toBe('connected');
    // Saving the ID again without a secret keeps the stored one; null removes it.
    expect(await call<ServiceClient>(env.core, 'clients.set', { service: 'trakt', clientId: 'kizuna-demo-trakt' })).toMatchObject({ hasClientSecret: true });
    expect(await call<ServiceClient>(env.core, 'clients.set', { service: 'trakt', clientId: 'kizuna-demo-trakt', clientSecret: null })).toMatchObject({ hasClientSecret: false });
    expect(env.secrets.has('client-secret:trakt')).toBe(false);
    expect(env.logLines.join('\n')).not.toContain('kizuna-demo-trakt-secret');
    expect(await call<ServiceClient>(env.core, 'clients.reset', { service: 'trakt' })).toMatchObject({ source: 'none' });
    await expect(call(env.core, 'clients.set', { service: 'plex', clientId: 'x' })).rejects.toMatchObject({ code: 'validation' });
  });
});

async function issuePlexToken(env: AccountsWorld): Promise<string> {
  // The manual fallback takes a server token; the PIN flow is the honest way to get one from the emulator.
  const finished = await env.core.accounts.service.finished((await call<{ attemptId: string }>(env.core, 'accounts.connect', { service: 'plex' })).attemptId);
  const stored = JSON.parse(env.secrets.get(finished.account!.id)!) as { serverTokens: Record<string, string> };
  await call(env.core, 'accounts.disconnect', { accountId: finished.account!.id });
  return Object.values(stored.serverTokens)[0]!;
}
