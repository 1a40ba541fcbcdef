/**
 * A recording stand-in for the 'electron' module, so main/hosts/electron/main.ts can run under plain Node
 * (there is no Electron binary on test machines). It implements just what main.ts and electron-store call
 * and keeps everything it saw in globalThis.fakeElectron for the driver to inspect.
 */
import { EventEmitter } from 'node:events';

const record = { schemes: [], protocolHandlers: new Map(), ipcHandlers: new Map(), windows: [], trays: [], menus: [], opened: [], dialogs: [], exitCode: null, quitCalls: 0 };
globalThis.fakeElectron = record;

const paths = new Map([['userData', '/tmp/kizuna-fake-user-data']]);

class FakeApp extends EventEmitter {
  isPackaged = false;
  getPath(name) { return paths.get(name); }
  setPath(name, value) { paths.set(name, value); }
  getVersion() { return '0.1.0-test'; }
  getAppPath() { return process.cwd(); }
  setAppUserModelId() {}
  requestSingleInstanceLock() { return true; }
  whenReady() { return Promise.resolve(); }
  quit() {
    record.quitCalls += 1;
    this.emit('before-quit');
    for (const window of record.windows) window.close();
    this.emit('will-quit');
  }
  exit(code) { record.exitCode = code; }
}
export const app = new FakeApp();

class FakeWebContents extends EventEmitter {
  sent = [];
  windowOpenHandler = null;
  mainFrame = { url: 'app://kizuna/index.html', parent: null };
  setWindowOpenHandler(handler) { this.windowOpenHandler = handler; }
  send(channel, message) { this.sent.push({ channel, message }); }
}

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new FakeWebContents();
    this.visible = false;
    this.destroyed = false;
    this.loaded = null;
    record.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) { this.loaded = url; queueMicrotask(() => this.emit('ready-to-show')); return Promise.resolve(); }
  show() { this.visible = true; }
  hide() { this.visible = false; }
  focus() {}
  restore() {}
  isMinimized() { return false; }
  isDestroyed() { return this.destroyed; }
  close() {
    let prevented = false;
    this.emit('close', { preventDefault: () => { prevented = true; } });
    if (!prevented) this.destroyed = true;
  }
}

export const protocol = {
  registerSchemesAsPrivileged: (schemes) => record.schemes.push(...schemes),
  handle: (scheme, handler) => record.protocolHandlers.set(scheme, handler),
};

export const ipcMain = {
  handle(channel, listener) {
    if (record.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
    record.ipcHandlers.set(channel, listener);
  },
  removeHandler: (channel) => record.ipcHandlers.delete(channel),
  // electron-store registers a sync listener of its own.
  on() {},
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler) => (record.permissionRequestHandler = handler),
    setPermissionCheckHandler: (handler) => (record.permissionCheckHandler = handler),
    webRequest: { onHeadersReceived: () => {} },
  },
};

export const shell = { openExternal: async (url) => void record.opened.push(url), openPath: async () => '' };
export class Notification {
  static isSupported() {
    return true;
  }
  constructor(options) {
    this.options = options;
  }
  show() {
    (record.notifications ??= []).push(this.options);
  }
}
export const dialog = { showErrorBox: (title, message) => record.dialogs.push({ title, message }) };
export const nativeTheme = { shouldUseDarkColors: false };
export const powerMonitor = { on: (event, listener) => void (record.powerListeners ??= []).push({ event, listener }) };
export const nativeImage = { createFromBuffer: () => ({ addRepresentation() {} }) };
export const Menu = { buildFromTemplate: (template) => ({ template }) };

export class Tray extends EventEmitter {
  constructor() {
    super();
    this.menu = null;
    this.destroyed = false;
    record.trays.push(this);
  }
  setToolTip() {}
  setContextMenu(menu) { this.menu = menu; record.menus.push(menu.template); }
  destroy() { this.destroyed = true; }
}

export default { app, BrowserWindow, protocol, ipcMain, session, shell, dialog, nativeTheme, powerMonitor, nativeImage, Menu, Tray };
