import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * The renderer is treated as untrusted web content: no Node, an isolated and sandboxed preload, no
 * webviews, no insecure content (Electron security checklist, https://www.electronjs.org/docs/latest/tutorial/security).
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
  };
}

export interface MainWindowOptionsInput {
  preloadPath: string;
  /** Follows the OS (or the user's theme setting) so the first paint does not flash white in dark mode. */
  dark: boolean;
}

export function mainWindowOptions(input: MainWindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Kizuna',
    width: 1200,
    height: 800,
    minWidth: 760,
    minHeight: 520,
    // Shown on ready-to-show, so the user never sees an empty frame.
    show: false,
    backgroundColor: input.dark ? '#16171d' : '#ffffff',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(input.preloadPath),
  };
}

export interface ContentSecurityPolicyOptions {
  /**
   * Vite's dev server injects an inline React Refresh preamble and talks to the page over a websocket.
   * Only `electron-vite dev` sets this; built and packaged apps always get the strict policy.
   */
  devServerOrigin?: string;
}

/**
 * Scripts and styles only from the app itself; images also from https: and data: because cover art comes
 * from the services' CDNs; the page talks to the core over IPC, so connect-src needs nothing but 'self'.
 */
export function contentSecurityPolicy(options: ContentSecurityPolicyOptions = {}): string {
  const dev = options.devServerOrigin;
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'none'"]],
    ['script-src', dev ? ["'self'", "'unsafe-inline'"] : ["'self'"]],
    ['style-src', dev ? ["'self'", "'unsafe-inline'"] : ["'self'"]],
    ['img-src', ["'self'", 'https:', 'data:']],
    ['font-src', ["'self'"]],
    ['connect-src', dev ? ["'self'", dev.replace(/^http/, 'ws')] : ["'self'"]],
    ['manifest-src', ["'self'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['object-src', ["'none'"]],
    ['worker-src', ["'self'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
