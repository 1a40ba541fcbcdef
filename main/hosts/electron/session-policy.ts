import type { App, Session } from 'electron';
import type { AppUrlCheck } from './app-url';

/**
 * Permissions the app page may use. Writing to the clipboard backs "copy" buttons; everything else
 * (camera, geolocation, notifications from the page, ...) is refused: the main process shows notifications.
 */
const allowedForApp = new Set(['clipboard-sanitized-write']);

export function isPermissionAllowed(permission: string, requestingUrl: string, isAppUrl: AppUrlCheck): boolean {
  return allowedForApp.has(permission) && isAppUrl(requestingUrl);
}

export interface SessionPolicyOptions {
  isAppUrl: AppUrlCheck;
  contentSecurityPolicy: string;
  /** Pages from app:// get their CSP from our protocol handler; a dev server's pages get it here. */
  devServerOrigin?: string;
}

export function applySessionPolicy(session: Session, options: SessionPolicyOptions): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, options.isAppUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin, options.isAppUrl));
  if (options.devServerOrigin) {
    session.webRequest.onHeadersReceived({ urls: [`${options.devServerOrigin}/*`] }, (details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [options.contentSecurityPolicy] } });
    });
  }
}

/** The app opens no other windows and no webviews; any webContents that appears anyway gets the same refusals. */
export function lockDownNewWebContents(app: App): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
