import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, mainWindowOptions, secureWebPreferences } from '../../../../../main/hosts/electron/window-options';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...sources]) => [name ?? '', sources]));
}

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences('/app/out/preload/index.cjs');

  it('isolates and sandboxes the page and gives it no Node', () => {
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
  });

  it('is what the main window uses, and the window waits to be shown', () => {
    const options = mainWindowOptions({ preloadPath: '/p.cjs', dark: true });
    expect(options.webPreferences).toEqual(secureWebPreferences('/p.cjs'));
    expect(options.show).toBe(false);
    expect(options.backgroundColor).not.toBe(mainWindowOptions({ preloadPath: '/p.cjs', dark: false }).backgroundColor);
  });
});

describe('contentSecurityPolicy', () => {
  const policy = directives(contentSecurityPolicy());

  it('allows scripts and styles only from the app itself', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
  });

  it('allows cover art from https: and data: and nothing else remote', () => {
    expect(policy.get('img-src')).toEqual(["'self'", 'https:', 'data:']);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    for (const [name, sources] of policy) {
      if (name !== 'img-src') expect(sources, name).not.toContain('https:');
    }
  });

  it('never allows inline or eval code, plugins, framing or form posts in the built app', () => {
    const text = contentSecurityPolicy();
    expect(text).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
  });

  it('relaxes only what the Vite dev server needs, and only when asked', () => {
    const dev = directives(contentSecurityPolicy({ devServerOrigin: 'http://localhost:5173' }));
    expect(dev.get('script-src')).toContain("'unsafe-inline'");
    expect(dev.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect(dev.get('script-src')).not.toContain("'unsafe-eval'");
  });
});
