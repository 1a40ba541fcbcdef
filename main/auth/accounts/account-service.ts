import { randomUUID } from 'node:crypto';
import { AppError, type Account, type AuthFinishedEvent, type ConnectInput, type ConnectWithTokenInput, type Service } from '../../../shared/contract';
import type { EventBus } from '../../app/ports';
import { findAccount, removeAccount, setAccountStatus, type StoredAccount } from '../../db/accounts-repository';
import { listPlexServerViews } from '../../db/plex-repository';
import { acceptAniListToken } from '../flows/anilist-flow';
import { connectPlexManually } from '../flows/plex-servers';
import { revokeTraktToken } from '../flows/trakt-flow';
import { serviceLabel, type SignInPrompt } from '../flows/types';
import { refreshPlexServers, type PlexSetupDeps } from './plex-setup';
import { prepareSignIn, type RunnerDeps } from './sign-in-runner';
import { saveSignIn } from './save-sign-in';
import { readTokens } from './stored-tokens';

export type AccountServiceDeps = RunnerDeps & PlexSetupDeps & { events: EventBus };

interface Attempt {
  id: string;
  service: Service;
  controller: AbortController;
  /** Trakt shows its code first; the browser step after it must not replace the code on screen. */
  showsDeviceCode?: boolean;
  finished: Promise<AuthFinishedEvent>;
  settle(event: AuthFinishedEvent): void;
}

/**
 * Connecting and disconnecting accounts. A sign-in is an attempt: `connect` answers with its id at once, the
 * flow runs on, prompts go out as auth.prompt events and the end as one auth.finished. One attempt per
 * service: starting another cancels the first (its loopback port and PIN would otherwise compete).
 */
export function createAccountService(deps: AccountServiceDeps) {
  const attempts = new Map<string, Attempt>();

  function finish(attempt: Attempt, event: Omit<AuthFinishedEvent, 'attemptId' | 'service'>): void {
    if (attempts.get(attempt.id) !== attempt) return;
    attempts.delete(attempt.id);
    const full = { attemptId: attempt.id, service: attempt.service, ...event };
    deps.events.emit('auth.finished', full);
    attempt.settle(full);
  }

  function startAttempt(service: Service): Attempt {
    for (const other of attempts.values()) if (other.service === service) cancel(other.id);
    let settle: (event: AuthFinishedEvent) => void = () => undefined;
    const finished = new Promise<AuthFinishedEvent>((resolve) => (settle = resolve));
    const attempt: Attempt = { id: randomUUID(), service, controller: new AbortController(), finished, settle };
    attempts.set(attempt.id, attempt);
    return attempt;
  }

  function prompt(attempt: Attempt, shown: SignInPrompt): void {
    if (shown.kind === 'device-code') attempt.showsDeviceCode = true;
    else if (shown.kind === 'open-url' && attempt.showsDeviceCode) return; // the code's prompt already links the page
    const { service: _service, ...view } = shown;
    deps.events.emit('auth.prompt', { attemptId: attempt.id, service: attempt.service, prompt: view });
  }

  function failure(error: unknown): AuthFinishedEvent['error'] {
    if (error instanceof AppError) return { code: error.code, message: error.message };
    deps.logger.error('sign-in failed unexpectedly', { error: (error as Error)?.stack ?? String(error) });
    return { code: 'internal', message: 'The sign-in failed because of a problem in Kizuna. Try again; if it keeps failing, report it with the log file.' };
  }

  function cancel(attemptId: string): boolean {
    const attempt = attempts.get(attemptId);
    if (!attempt) return false;
    attempt.controller.abort(new AppError('timeout', 'Sign-in cancelled.'));
    finish(attempt, { outcome: 'cancelled', account: null, error: null });
    return true;
  }

  function announce(account: Account): void {
    deps.events.emit('accounts.changed', {});
    deps.logger.info('account connected', { account: account.id });
  }

  return {
    async connect(input: ConnectInput): Promise<{ attemptId: string }> {
      const run = await prepareSignIn(input, deps);
      const attempt = startAttempt(input.service);
      void (async () => {
        try {
          const outcome = await run({ onPrompt: (shown) => prompt(attempt, shown), signal: attempt.controller.signal });
          if (outcome === null) return; // AniList's pin page: the attempt ends when the token is pasted (connectWithToken) or cancelled.
          const account = await saveSignIn(deps, outcome.result, outcome.servers, attempt.controller.signal);
          finish(attempt, { outcome: 'connected', account, error: null });
          announce(account);
        } catch (error) {
          if (attempt.controller.signal.aborted) return finish(attempt, { outcome: 'cancelled', account: null, error: null });
          finish(attempt, { outcome: 'failed', account: null, error: failure(error) });
        }
      })();
      return { attemptId: attempt.id };
    },

    cancel,

    /** Waits for an attempt's end (the CLI's `kizuna auth`). */
    finished(attemptId: string): Promise<AuthFinishedEvent> {
      const attempt = attempts.get(attemptId);
      if (!attempt) throw new AppError('not_found', 'That sign-in has already ended.');
      return attempt.finished;
    },

    async connectWithToken(input: ConnectWithTokenInput): Promise<Account> {
      const account =
        input.service === 'anilist'
          ? await saveSignIn(deps, acceptAniListToken(input.token, deps.now))
          : await (async () => {
              const server = await connectPlexManually({ serverUrl: input.serverUrl, token: input.token, clientIdentifier: deps.plexClientIdentifier(), fetch: deps.fetchImpl, logger: deps.logger });
              return saveSignIn(deps, { service: 'plex', accessToken: input.token, refreshToken: null, expiresAt: null }, [server], undefined, server);
            })();
      for (const attempt of attempts.values()) if (attempt.service === input.service) finish(attempt, { outcome: 'connected', account, error: null });
      announce(account);
      return account;
    },

    async disconnect(accountId: string): Promise<{ revoked: boolean | null; message: string }> {
      const account = findAccount(deps.db, accountId);
      if (!account) throw new AppError('not_found', 'That account is not connected (it may already have been disconnected).');
      const label = serviceLabel[account.service];
      let revoked: boolean | null = null;
      if (account.service === 'trakt') {
        revoked = false;
        try {
          const tokens = await readTokens(deps.secrets, account.secretKey);
          const client = await deps.clients.resolve('trakt');
          if (tokens) {
            await revokeTraktToken({ services: deps.services, clientId: client.clientId, clientSecret: client.clientSecret, token: tokens.accessToken, fetch: deps.fetchImpl, logger: deps.logger });
            revoked = true;
          }
        } catch (error) {
          deps.logger.warn('could not revoke the Trakt token', { account: account.id, error: (error as Error).message });
        }
      }
      // The secret goes first: if the store refuses, the account stays listed and the person can retry.
      await deps.secrets.delete(account.secretKey);
      removeAccount(deps.db, account.id);
      deps.pipelines.forget(account.id);
      deps.events.emit('accounts.changed', {});
      deps.logger.info('account disconnected', { account: account.id, revoked });
      const message =
        revoked === true
          ? `Disconnected ${account.userName} from ${label}; Trakt revoked Kizuna's access.`
          : revoked === false
            ? `Disconnected ${account.userName} from ${label}. Trakt could not be reached to revoke access; remove Kizuna at https://trakt.tv/oauth/authorized_applications.`
            : `Disconnected ${account.userName} from ${label} and deleted its sign-in. ${label} offers apps no way to revoke access; remove Kizuna in your ${label} account settings if you wish.`;
      return { revoked, message };
    },

    /** The pipeline saw the service refuse the token: writes stop and the UI shows "needs sign-in". */
    markNeedsSignIn(account: StoredAccount): void {
      setAccountStatus(deps.db, account.id, 'needs-sign-in');
      deps.logger.warn('account needs a new sign-in', { account: account.id });
      deps.events.emit('accounts.changed', {});
      const label = serviceLabel[account.service];
      deps.events.emit('accounts.needsSignIn', {
        accountId: account.id,
        service: account.service,
        userName: account.userName,
        message: `${label} no longer accepts the sign-in for ${account.userName}. Kizuna stopped writing to it; reconnect it under Accounts.`,
      });
    },

    plexServers(accountId: string, refresh: boolean) {
      const account = findAccount(deps.db, accountId);
      if (account?.service !== 'plex') throw new AppError('not_found', 'That is not a connected Plex account.');
      return refresh ? refreshPlexServers(deps, account) : Promise.resolve(listPlexServerViews(deps.db, account.id));
    },

    close(): void {
      for (const attempt of [...attempts.values()]) cancel(attempt.id);
    },

  };
}

export type AccountService = ReturnType<typeof createAccountService>;
