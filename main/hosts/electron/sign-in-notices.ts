import type { EventListener, Logger } from '../../app/ports';
import type { Account, RunResult, Settings } from '../../../shared/contract';
import { expiringSignIn } from '../../../shared/sign-in-expiry';

export interface NoticeDeps {
  subscribe(listener: EventListener): () => void;
  settings(): Settings;
  /** Shows one desktop notification; Electron's Notification in the app, a recorder in tests. */
  notify(title: string, body: string): void;
  logger: Logger;
}

/**
 * Tells the person, outside the window, when a service stops accepting an account (issue 4: "a 401 marks the
 * account needs sign-in and notifies the user"): the window may be closed to the tray while a scheduled sync
 * runs. Respects the "notifications" setting. Returns the unsubscribe function.
 */
export function notifySignInProblems(deps: NoticeDeps): () => void {
  return deps.subscribe((event, payload) => {
    if (event !== 'accounts.needsSignIn' || !deps.settings().notifications.enabled) return;
    const notice = payload as { message: string };
    try {
      deps.notify('Kizuna: sign in again', notice.message);
    } catch (error) {
      deps.logger.warn('could not show a desktop notification', { error });
    }
  });
}

/** Finished runs worth telling (changes, failures, a guard waiting), as runNotice decides. */
export function notifyRunResults(deps: NoticeDeps & { runNotice(result: RunResult): { title: string; body: string } | null }): () => void {
  return deps.subscribe((event, payload) => {
    if (event !== 'sync.finished' || !deps.settings().notifications.enabled) return;
    const notice = deps.runNotice(payload as RunResult);
    if (!notice) return;
    try {
      deps.notify(notice.title, notice.body);
    } catch (error) {
      deps.logger.warn('could not show a desktop notification', { error });
    }
  });
}

/**
 * Once a day at most per account, while the app runs: an AniList sign-in about to end (it cannot renew
 * itself). `accounts` reads the list; `warned` remembers who was told, so a restart may tell again.
 */
export function notifyExpiringSignIns(deps: NoticeDeps & { accounts(): Promise<Account[]>; now(): Date; every: number; schedule(run: () => void, ms: number): () => void }): () => void {
  const warned = new Map<string, number>();
  const check = async () => {
    if (!deps.settings().notifications.enabled) return;
    const now = deps.now();
    for (const account of await deps.accounts().catch(() => [] as Account[])) {
      const expiring = expiringSignIn(account, now);
      const last = warned.get(account.id);
      if (!expiring || (last !== undefined && now.getTime() - last < 86_400_000)) continue;
      warned.set(account.id, now.getTime());
      try {
        deps.notify('Kizuna: sign-in ending soon', `Your ${account.service === 'anilist' ? 'AniList' : account.service} sign-in as ${account.userName} ends in ${expiring.daysLeft} day${expiring.daysLeft === 1 ? '' : 's'}. Reconnect it on the Accounts screen to keep syncing.`);
      } catch (error) {
        deps.logger.warn('could not show a desktop notification', { error });
      }
    }
  };
  void check();
  return deps.schedule(() => void check(), deps.every);
}
