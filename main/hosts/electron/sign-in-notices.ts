import type { EventListener, Logger } from '../../app/ports';
import type { Settings } from '../../../shared/contract';

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
