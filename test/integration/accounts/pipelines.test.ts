import { afterEach, describe, expect, it } from 'vitest';
import type { Account } from '../../../shared/contract';
import { createAnilistClient } from '../../../main/providers/anilist/client';
import { createMalClient } from '../../../main/providers/mal/client';
import { createTraktClient } from '../../../main/providers/trakt/client';
import { useTempDirs } from '../../support/temp-dir';
import { TRAKT, fakeBrowser } from '../auth/support';
import { call, eventsOf, startAccountsWorld, type AccountsWorld } from './support';

const MINUTE = 60_000;

describe('one request pipeline per account: refresh before expiry, "needs sign-in", disconnect', () => {
  const tempDir = useTempDirs();
  let env: AccountsWorld | undefined;
  afterEach(async () => {
    await env?.close();
    env = undefined;
  });

  async function connected(service: string): Promise<Account> {
    const { attemptId } = await call<{ attemptId: string }>(env!.core, 'accounts.connect', { service });
    const finished = await env!.finished(attemptId);
    expect(finished.outcome, finished.error?.message).toBe('connected');
    return finished.account!;
  }

  const tokenOf = (account: Account) => (JSON.parse(env!.secrets.get(account.id)!) as { accessToken: string; refreshToken: string }).accessToken;
  const countRequests = (service: string, path: string) => env!.world.emulators.log.entries.filter((entry) => entry.service === service && entry.path.startsWith(path)).length;

  it('refreshes a MAL token shortly before it expires, once for many concurrent requests, and stores the new pair', async () => {
    env = await startAccountsWorld({ dataDir: tempDir(), browser: fakeBrowser({ decision: 'approve' }) });
    const account = await connected('mal');
    const before = tokenOf(account);
    const client = createMalClient({ api: env.world.emulators.servicesConfig.mal.api, fetch: env.core.accounts.pipelines.fetchFor(account.id) });
    await client.me();
    expect(countRequests('mal', '/v1/oauth2/token')).toBe(1); // the sign-in's exchange only

    env.world.clock.advance(60 * MINUTE - 5 * MINUTE);
    const users = await Promise.all([client.me(), client.me(), client.me()]);
    expect(users.map((user) => user.name)).toEqual([users[0]!.name, users[0]!.name, users[0]!.name]);
    expect(countRequests('mal', '/v1/oauth2/token')).toBe(2);
    expect(tokenOf(account)).not.toBe(before);
    const [listed] = await call<Account[]>(env.core, 'accounts.list');
    expect(Date.parse(listed!.tokenExpiresAt!)).toBeGreaterThan(env.world.now() + 50 * MINUTE);
  });

  it('refreshes Trakt\'s single-use refresh token once when requests race', async () => {
    env = await startAccountsWorld({ dataDir: tempDir(), browser: fakeBrowser({ decision: 'approve' }) });
    const account = await connected('trakt');
    const client = createTraktClient({ api: env.world.emulators.servicesConfig.trakt.api, clientId: TRAKT.clientId, fetch: env.core.accounts.pipelines.fetchFor(account.id) });
    env.world.clock.advance(7 * 24 * 60 * MINUTE - 2 * MINUTE);
    const before = countRequests('trakt', '/oauth/token');
    const answers = await Promise.all([client.settings(), client.settings(), client.lastActivities()]);
    expect(answers).toHaveLength(3);
    expect(countRequests('trakt', '/oauth/token') - before).toBe(1);
    expect((await call<Account[]>(env.core, 'accounts.list'))[0]?.status).toBe('connected');
  });

  it('marks an account "needs sign-in" when the service refuses its token, stops its requests, and leaves others working', async () => {
    env = await startAccountsWorld({ dataDir: tempDir(), browser: fakeBrowser({ decision: 'approve' }) });
    const anilist = await connected('anilist');
    const mal = await connected('mal');
    env.anilist.state.tokens.revoke(tokenOf(anilist));
    const changesBefore = eventsOf(env.events, 'accounts.changed').length;
    expect(eventsOf(env.events, 'accounts.needsSignIn')).toEqual([]);

    const client = createAnilistClient({ endpoint: env.world.emulators.servicesConfig.anilist.api, fetch: env.core.accounts.pipelines.fetchFor(anilist.id) });
    await expect(client.viewer()).rejects.toMatchObject({ code: 'unauthenticated' });
    const sent = countRequests('anilist', '/');
    await expect(client.viewer()).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(countRequests('anilist', '/')).toBe(sent);

    const accounts = await call<Account[]>(env.core, 'accounts.list');
    expect(accounts.find((account) => account.id === anilist.id)?.status).toBe('needs-sign-in');
    expect(accounts.find((account) => account.id === mal.id)?.status).toBe('connected');
    expect(eventsOf(env.events, 'accounts.changed').length).toBeGreaterThan(changesBefore);
    expect(eventsOf(env.events, 'accounts.needsSignIn')).toEqual([{ accountId: anilist.id, service: 'anilist', userName: anilist.userName, message: expect.stringMatching(/reconnect it under Accounts/) }]);
    await expect(createMalClient({ api: env.world.emulators.servicesConfig.mal.api, fetch: env.core.accounts.pipelines.fetchFor(mal.id) }).me()).resolves.toMatchObject({ name: expect.any(String) });

    // Reconnecting clears it, and a new pipeline carries the new token.
    await connected('anilist');
    expect((await call<Account[]>(env.core, 'accounts.list')).find((account) => account.id === anilist.id)?.status).toBe('connected');
    const fresh = createAnilistClient({ endpoint: env.world.emulators.servicesConfig.anilist.api, fetch: env.core.accounts.pipelines.fetchFor(anilist.id) });
    await expect(fresh.viewer()).resolves.toMatchObject({ id: expect.any(Number) });
  });

  it('marks MAL "needs sign-in" once its refresh token has expired too', async () => {
    env = await startAccountsWorld({ dataDir: tempDir(), browser: fakeBrowser({ decision: 'approve' }) });
    const account = await connected('mal');
    env.world.clock.advance(32 * 24 * 60 * MINUTE);
    const client = createMalClient({ api: env.world.emulators.servicesConfig.mal.api, fetch: env.core.accounts.pipelines.fetchFor(account.id) });
    await expect(client.me()).rejects.toMatchObject({ code: 'unauthenticated' });
    expect((await call<Account[]>(env.core, 'accounts.list'))[0]?.status).toBe('needs-sign-in');
  });

  it('disconnects: Trakt revokes the token, the secret is deleted, AniList says it cannot revoke', async () => {
    env = await startAccountsWorld({ dataDir: tempDir(), browser: fakeBrowser({ decision: 'approve' }) });
    const trakt = await connected('trakt');
    const anilist = await connected('anilist');
    const traktToken = tokenOf(trakt);

    const result = await call<{ revoked: boolean | null; message: string }>(env.core, 'accounts.disconnect', { accountId: trakt.id });
    expect(result).toMatchObject({ revoked: true, message: expect.stringMatching(/revoked/) });
    expect(env.secrets.has(trakt.id)).toBe(false);
    const check = await fetch(`${env.world.emulators.servicesConfig.trakt.api}/users/settings`, { headers: { authorization: `Bearer ${traktToken}`, 'trakt-api-key': TRAKT.clientId, 'trakt-api-version': '2' } });
    expect(check.status).toBe(401);

    const other = await call<{ revoked: boolean | null; message: string }>(env.core, 'accounts.disconnect', { accountId: anilist.id });
    expect(other).toMatchObject({ revoked: null, message: expect.stringMatching(/no way to revoke/) });
    expect(await call<Account[]>(env.core, 'accounts.list')).toEqual([]);
    expect(env.secrets.size).toBe(0);
    await expect(call(env.core, 'accounts.disconnect', { accountId: anilist.id })).rejects.toMatchObject({ code: 'not_found' });
    expect(() => env!.core.accounts.pipelines.fetchFor(anilist.id)).toThrow(/No connected account/);
  });
});
