import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/contract';
import { createAccountCredentials, REFRESH_MARGIN_MS } from '../../../../../main/auth/accounts/account-credentials';
import type { StoredTokens } from '../../../../../main/auth/accounts/stored-tokens';
import type { SignInResult } from '../../../../../main/auth/flows/types';

const NOW = Date.UTC(2026, 10, 22);

function setup(tokens: StoredTokens | string | null, refresh?: (token: string) => Promise<SignInResult>) {
  const secrets = new Map<string, string>();
  if (tokens !== null) secrets.set('mal:1', typeof tokens === 'string' ? tokens : JSON.stringify(tokens));
  const saved: StoredTokens[] = [];
  let rejections = 0;
  const refreshCalls: string[] = [];
  const credentials = createAccountCredentials({
    accountId: 'mal:1',
    service: 'mal',
    secretKey: 'mal:1',
    secrets: { get: async (key) => secrets.get(key) ?? null },
    saveTokens: async (next) => void saved.push(next),
    refreshTokens: refresh
      ? async (token) => {
          refreshCalls.push(token);
          return refresh(token);
        }
      : undefined,
    onRejected: () => void (rejections += 1),
    now: () => NOW,
  });
  return { credentials, saved, refreshCalls, rejections: () => rejections };
}

const fresh = (access: string, refresh: string, expiresInMs: number): StoredTokens => ({ accessToken: access, refreshToken: refresh, expiresAt: new Date(NOW + expiresInMs).toISOString() });

describe('account credentials', () => {
  it('uses the stored token while it is far from expiry', async () => {
    const { credentials, refreshCalls } = setup(fresh('a1', 'r1', 2 * REFRESH_MARGIN_MS));
    expect(await credentials.headers()).toEqual({ Authorization: 'Bearer a1' });
    expect(refreshCalls).toEqual([]);
  });

  it('refreshes once for many concurrent requests near expiry, saving the new pair before using it', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { credentials, saved, refreshCalls } = setup(fresh('a1', 'r1', REFRESH_MARGIN_MS - 1), async () => {
      await gate;
      return { service: 'mal', accessToken: 'a2', refreshToken: 'r2', expiresAt: new Date(NOW + 3_600_000).toISOString() };
    });
    const pending = [credentials.headers(), credentials.headers(), credentials.headers()];
    release();
    expect(await Promise.all(pending)).toEqual([{ Authorization: 'Bearer a2' }, { Authorization: 'Bearer a2' }, { Authorization: 'Bearer a2' }]);
    expect(refreshCalls).toEqual(['r1']);
    expect(saved).toEqual([{ accessToken: 'a2', refreshToken: 'r2', expiresAt: new Date(NOW + 3_600_000).toISOString() }]);
    expect(await credentials.headers()).toEqual({ Authorization: 'Bearer a2' });
    expect(refreshCalls).toHaveLength(1);
  });

  it('a refused refresh marks the account once and fails the request', async () => {
    const { credentials, rejections } = setup(fresh('a1', 'r1', 0), () => Promise.reject(new AppError('unauthenticated', 'refresh refused')));
    await expect(credentials.headers()).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(credentials.headers()).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(rejections()).toBe(1);
  });

  it('refresh() on demand answers false where there is nothing to refresh with', async () => {
    const { credentials } = setup({ accessToken: 'a1', refreshToken: null, expiresAt: null });
    expect(await credentials.refresh!()).toBe(false);
    expect(await credentials.headers()).toEqual({ Authorization: 'Bearer a1' });
  });

  it('a missing or damaged secret is a clear "connect again" error', async () => {
    await expect(setup(null).credentials.headers()).rejects.toThrow(/missing from the secret store/);
    await expect(setup('{not json').credentials.headers()).rejects.toThrow(/could not be read/);
    await expect(setup(JSON.stringify({ token: 'x' })).credentials.headers()).rejects.toThrow(/could not be read/);
  });
});
