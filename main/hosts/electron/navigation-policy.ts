import type { Logger } from '../../app/ports';
import type { AppUrlCheck } from './app-url';
import { checkExternalLink } from './external-link';

/** The part of Electron's will-frame-navigate / will-redirect event this policy reads. */
export interface NavigationEvent {
  url: string;
  isMainFrame: boolean;
  preventDefault(): void;
}

export interface NavigationPolicyOptions {
  isAppUrl: AppUrlCheck;
  openExternal: (url: string) => Promise<void>;
  logger: Logger;
}

export interface NavigationHandlers {
  /** For 'will-frame-navigate' and 'will-redirect'. */
  onNavigate(event: NavigationEvent): void;
  /** For webContents.setWindowOpenHandler: never a new Electron window. */
  onWindowOpen(details: { url: string }): { action: 'deny' };
}

/**
 * The window only ever shows the app. Reloading the app page is allowed; anything else is stopped, and
 * when the user clicked a plain https link (in the main frame, or via window.open / target=_blank) it is
 * opened in the OS browser instead.
 */
export function createNavigationHandlers(options: NavigationPolicyOptions): NavigationHandlers {
  const openOutside = (raw: string, why: string): void => {
    const verdict = checkExternalLink(raw);
    if (!verdict.ok) {
      options.logger.warn('refused to open a link', { why, reason: verdict.reason });
      return;
    }
    options.openExternal(verdict.url).catch((error: unknown) => options.logger.warn('could not open a link in the browser', { error }));
  };

  return {
    onNavigate(event) {
      if (event.isMainFrame && options.isAppUrl(event.url)) return;
      event.preventDefault();
      if (event.isMainFrame) openOutside(event.url, 'navigation');
      else options.logger.warn('blocked a subframe navigation');
    },
    onWindowOpen(details) {
      openOutside(details.url, 'window.open');
      return { action: 'deny' };
    },
  };
}
