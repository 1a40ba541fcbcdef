import { AppError, type Service } from '../../../shared/contract';
import type { Logger } from '../../app/ports';
import type { CredentialSource } from '../../providers/http/service-fetch';
import type { SignInResult } from '../flows/types';
import { readTokens, type StoredTokens } from './stored-tokens';

/** Refresh this long before the service's expiry, so no request goes out with a token about to lapse. */
export const REFRESH_MARGIN_MS = 10 * 60 * 1000;

export interface AccountCredentialsOptions {
  accountId: string;
  service: Service;
  secretKey: string;
  secrets: { get(key: string): Promise<string | null> };
  /** Stores the new pair before anything else may use the old one (Trakt's and MAL's refresh tokens work once). */
  saveTokens(tokens: StoredTokens): Promise<void>;
  /** Asks the service for a new pair; absent where tokens cannot be refreshed (AniList, Plex). */
  refreshTokens?: (refreshToken: string, signal?: AbortSignal) => Promise<SignInResult>;
  /** The service refused the account: mark it "needs sign-in" and tell the person. */
  onRejected(): void;
  /** Plex server requests carry that server's token instead of the account's. */
  headerFor?: (tokens: StoredTokens) => Record<string, string>;
  now?: () => number;
  logger?: Logger;
}

/**
 * The CredentialSource behind one account's request pipeline. Tokens are read from the secret store once
 * and kept in memory; a refresh is due REFRESH_MARGIN_MS before expiry and runs at most once at a time per
 * account: concurrent requests wait for the same refresh instead of each spending the single-use refresh
 * token (API-NOTES §3: two refreshes with one token sign the account out).
 */
export function createAccountCredentials(options: AccountCredentialsOptions): CredentialSource & { forget(): void } {
  const now = options.now ?? Date.now;
  let cached: StoredTokens | null = null;
  let refreshing: Promise<StoredTokens> | null = null;
  let rejected = false;

  async function load(): Promise<StoredTokens> {
    if (cached) return cached;
    const tokens = await readTokens(options.secrets, options.secretKey);
    if (!tokens) throw new AppError('unauthenticated', `The sign-in for this ${options.service} account is missing from the secret store. Connect the account again.`);
    cached = tokens;
    return tokens;
  }

  function refresh(current: StoredTokens, signal?: AbortSignal): Promise<StoredTokens> {
    if (refreshing) return refreshing;
    const refreshTokens = options.refreshTokens;
    const refreshToken = current.refreshToken;
    if (!refreshTokens || !refreshToken) return Promise.resolve(current);
    refreshing = (async () => {
      try {
        const result = await refreshTokens(refreshToken, signal);
        const next: StoredTokens = { ...current, accessToken: result.accessToken, refreshToken: result.refreshToken ?? refreshToken, expiresAt: result.expiresAt };
        await options.saveTokens(next);
        cached = next;
        options.logger?.info('token refreshed', { account: options.accountId, expiresAt: next.expiresAt });
        return next;
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  function dueForRefresh(tokens: StoredTokens): boolean {
    return tokens.expiresAt !== null && tokens.refreshToken !== null && Date.parse(tokens.expiresAt) - now() <= REFRESH_MARGIN_MS;
  }

  const header = options.headerFor ?? ((tokens: StoredTokens) => ({ Authorization: `Bearer ${tokens.accessToken}` }));

  return {
    async headers(signal) {
      let tokens = refreshing ? await refreshing : await load();
      if (dueForRefresh(tokens)) {
        try {
          tokens = await refresh(tokens, signal);
        } catch (error) {
          if (error instanceof AppError && error.code === 'unauthenticated') this.rejected();
          throw error;
        }
      }
      return header(tokens);
    },
    async refresh(signal) {
      const current = await load();
      if (!options.refreshTokens || !current.refreshToken) return false;
      try {
        await refresh(current, signal);
        return true;
      } catch (error) {
        options.logger?.warn('token refresh failed', { account: options.accountId, error: (error as Error).message });
        return false;
      }
    },
    rejected() {
      if (rejected) return;
      rejected = true;
      options.onRejected();
    },
    forget() {
      cached = null;
    },
  };
}
