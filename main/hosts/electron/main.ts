import { app, type BrowserWindow, dialog, ipcMain, nativeTheme, Notification, powerMonitor, protocol, session, shell } from 'electron';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventMessage } from '../../../shared/contract';
import { bootstrap } from '../../app/bootstrap';
import type { Core } from '../../app/core';
import { createAppRequestHandler, appSchemePrivileges } from './app-protocol';
import { APP_ENTRY_URL, APP_SCHEME, createAppUrlCheck, devServerOrigin } from './app-url';
import { openElectronSettingsStore } from './electron-settings-store';
import { forwardEvents } from './event-forwarder';
import { EVENT_CHANNEL } from '../../../shared/ipc-channels';
import { registerRpcHandlers } from './ipc-router';
import { createShutdown, revealWindow, shouldHideOnClose } from './lifecycle';
import { createMainWindow } from './main-window';
import { nativeBindingPaths } from './native-bindings';
import { createSenderCheck } from './sender-check';
import { createSignInBrowser } from './sign-in-browser';
import { notifyExpiringSignIns, notifyRunResults, notifySignInProblems } from './sign-in-notices';
import { runNotice } from './tray-status';
import { listAccounts } from '../../db/accounts-repository';
import { applySessionPolicy, lockDownNewWebContents } from './session-policy';
import { createAppTray, type AppTray } from './tray';
import { contentSecurityPolicy } from './window-options';

/** Entry point: wires Electron to the core. Every decision lives in the modules imported above. */
const here = dirname(fileURLToPath(import.meta.url));
const preloadPath = join(here, '..', 'preload', 'index.cjs');
const rendererDir = join(here, '..', 'renderer');
// electron-vite dev sets ELECTRON_RENDERER_URL; a packaged app never trusts it.
const devOrigin = app.isPackaged ? null : devServerOrigin(process.env.ELECTRON_RENDERER_URL ?? '');
const entryUrl = devOrigin ? (process.env.ELECTRON_RENDERER_URL as string) : APP_ENTRY_URL;
const isAppUrl = createAppUrlCheck(devOrigin ?? undefined);
const csp = contentSecurityPolicy(devOrigin ? { devServerOrigin: devOrigin } : {});

protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
if (process.env.KIZUNA_DATA_DIR) app.setPath('userData', resolve(process.env.KIZUNA_DATA_DIR));
if (process.platform === 'win32') app.setAppUserModelId('app.kizuna.desktop');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start().catch((error: unknown) => {
    dialog.showErrorBox('Kizuna could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  const dataDir = app.getPath('userData');
  const core: Core = await bootstrap({
    host: 'electron',
    dataDir,
    version: app.getVersion(),
    native: nativeBindingPaths({ isPackaged: app.isPackaged, appPath: app.getAppPath(), electronVersion: process.versions.electron, platform: process.platform, arch: process.arch, env: process.env }),
    openSettings: (logger) => openElectronSettingsStore(dataDir, logger),
    browser: createSignInBrowser((url) => shell.openExternal(url)),
    logSink: app.isPackaged ? undefined : (line, level) => (level === 'error' || level === 'warn' ? console.error(line) : undefined),
  });
  const { logger } = core.ports;
  const shutdown = createShutdown(logger);
  shutdown.add('core', () => core.close());

  protocol.handle(APP_SCHEME, createAppRequestHandler({ rendererDir, contentSecurityPolicy: csp }));
  applySessionPolicy(session.defaultSession, { isAppUrl, contentSecurityPolicy: csp, devServerOrigin: devOrigin ?? undefined });
  lockDownNewWebContents(app);

  let window: BrowserWindow | null = null;
  let tray: AppTray | null = null;
  let quitting = false;
  const openWindow = (): void =>
    revealWindow(window, () => {
      const theme = core.ports.settings.read().appearance.theme;
      window = createMainWindow({
        preloadPath,
        entryUrl,
        isAppUrl,
        logger,
        dark: theme === 'system' ? nativeTheme.shouldUseDarkColors : theme === 'dark',
        hideOnClose: () => shouldHideOnClose({ closeToTray: core.ports.settings.read().desktop.closeToTray, quitting, trayAvailable: tray !== null }),
      });
    });

  const isTrustedSender = createSenderCheck({ isOurWebContents: (sender) => window !== null && !window.isDestroyed() && sender === window.webContents, isAppUrl });
  shutdown.add('ipc', registerRpcHandlers({ ipcMain, dispatch: core.dispatch, isTrustedSender, logger }));
  const sendToWindow = (message: EventMessage): void => {
    if (window && !window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, message);
  };
  shutdown.add('events', forwardEvents({ subscribe: core.subscribe, send: sendToWindow }));
  shutdown.add(
    'notices',
    notifySignInProblems({
      subscribe: core.subscribe,
      settings: () => core.ports.settings.read(),
      notify: (title, body) => (Notification.isSupported() ? new Notification({ title, body }).show() : undefined),
      logger,
    }),
  );
  const desktopNotices = {
    subscribe: core.subscribe,
    settings: () => core.ports.settings.read(),
    notify: (title: string, body: string) => (Notification.isSupported() ? new Notification({ title, body }).show() : undefined),
    logger,
  };
  shutdown.add('run notices', notifyRunResults({ ...desktopNotices, runNotice }));
  shutdown.add(
    'expiry notices',
    notifyExpiringSignIns({
      ...desktopNotices,
      accounts: async () => listAccounts(core.ports.db),
      now: () => new Date(),
      every: 6 * 60 * 60 * 1000,
      schedule: (run, ms) => {
        const timer = setInterval(run, ms);
        return () => clearInterval(timer);
      },
    }),
  );

  try {
    tray = await createAppTray({ dispatch: core.dispatch, subscribe: core.subscribe, openWindow, quit: () => app.quit(), logger });
    shutdown.add('tray', () => tray?.destroy());
  } catch (error) {
    // Some Linux desktops have no status area; the app still works, it just quits when the window closes.
    logger.warn('no system tray available', { error });
  }

  // The schedule runs while the app is up; timers do not tick during sleep, so waking asks it to catch up.
  core.sync.scheduler.start();
  powerMonitor.on('resume', () => core.sync.scheduler.wake());
  shutdown.add('schedule', () => core.sync.scheduler.stop());

  app.on('second-instance', openWindow);
  app.on('activate', openWindow);
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => shutdown.run());
  openWindow();
}
