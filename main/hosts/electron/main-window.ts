import { BrowserWindow, nativeImage, shell } from 'electron';
import type { Logger } from '../../app/ports';
import { appIconPng } from './app-icon';
import type { AppUrlCheck } from './app-url';
import { createNavigationHandlers } from './navigation-policy';
import { mainWindowOptions } from './window-options';

export interface MainWindowOptions {
  preloadPath: string;
  entryUrl: string;
  isAppUrl: AppUrlCheck;
  dark: boolean;
  logger: Logger;
  /** Asked on every close: hide to the tray instead of closing? */
  hideOnClose: () => boolean;
}

/** The one window: secure options, navigation locked to the app, links handed to the OS browser. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({ ...mainWindowOptions({ preloadPath: options.preloadPath, dark: options.dark }), icon: nativeImage.createFromBuffer(appIconPng(256)) });
  const navigation = createNavigationHandlers({ isAppUrl: options.isAppUrl, openExternal: (url) => shell.openExternal(url), logger: options.logger });
  window.webContents.on('will-frame-navigate', navigation.onNavigate);
  window.webContents.on('will-redirect', navigation.onNavigate);
  window.webContents.setWindowOpenHandler(navigation.onWindowOpen);
  window.webContents.on('render-process-gone', (_event, details) => options.logger.error('window renderer process ended', { reason: details.reason, exitCode: details.exitCode }));

  window.once('ready-to-show', () => window.show());
  window.on('close', (event) => {
    if (!options.hideOnClose()) return;
    event.preventDefault();
    window.hide();
  });
  window.loadURL(options.entryUrl).catch((error: unknown) => options.logger.error('window failed to load', { url: options.entryUrl, error }));
  return window;
}
