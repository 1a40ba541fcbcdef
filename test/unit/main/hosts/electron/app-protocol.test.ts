import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, createAppRequestHandler, resolveAppFile } from '../../../../../main/hosts/electron/app-protocol';
import { APP_ENTRY_URL, createAppUrlCheck, devServerOrigin } from '../../../../../main/hosts/electron/app-url';
import { contentSecurityPolicy } from '../../../../../main/hosts/electron/window-options';

const rendererDir = join(tmpdir(), 'kizuna-renderer');

describe('resolveAppFile', () => {
  it('maps app URLs to files in the renderer folder', () => {
    expect(resolveAppFile(APP_ENTRY_URL, rendererDir)).toBe(join(rendererDir, 'index.html'));
    expect(resolveAppFile('app://kizuna/', rendererDir)).toBe(join(rendererDir, 'index.html'));
    expect(resolveAppFile('app://kizuna/assets/index-abc.js?v=1#x', rendererDir)).toBe(join(rendererDir, 'assets', 'index-abc.js'));
    expect(resolveAppFile('app://kizuna/assets/cover%20art.png', rendererDir)).toBe(join(rendererDir, 'assets', 'cover art.png'));
  });

  it('keeps dot segments the URL parser already removed inside the folder', () => {
    // Chromium and Node's URL parser both turn these into /etc/passwd before any handler sees them.
    expect(resolveAppFile('app://kizuna/../../../../etc/passwd', rendererDir)).toBe(join(rendererDir, 'etc', 'passwd'));
    expect(resolveAppFile('app://kizuna/%2e%2e/%2e%2e/etc/passwd', rendererDir)).toBe(join(rendererDir, 'etc', 'passwd'));
  });

  /** Ways out of the renderer folder, or into someone else's origin: each is refused outright. */
  const attacks = [
    'app://kizuna/..%2f..%2f..%2fetc%2fpasswd',
    'app://kizuna/assets/%2E%2E%2F%2E%2E%2F..%2Fetc%2Fpasswd',
    'app://kizuna/%2F..%2F..%2Fetc%2Fpasswd',
    'app://kizuna/..%5c..%5cwindows%5cwin.ini',
    'app://kizuna/assets\\..\\..\\secret',
    'app://kizuna/index.html%00.png',
    'app://kizuna/%E0%A4%A',
    'app://evil/index.html',
    'app://kizuna.evil.example/index.html',
    'app://user:pass@kizuna/index.html',
    'file:///etc/passwd',
    'https://kizuna/index.html',
    'not a url',
  ];

  it.each(attacks)('refuses %s', (url) => {
    expect(resolveAppFile(url, rendererDir)).toBeNull();
  });
});

describe('createAppRequestHandler', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kizuna-app-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Kizuna</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  const csp = contentSecurityPolicy();
  const handle = createAppRequestHandler({ rendererDir: dir, contentSecurityPolicy: csp });

  it('serves the page with the CSP and no-sniff headers', async () => {
    const response = await handle({ url: APP_ENTRY_URL, method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(csp);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>Kizuna</title>');
  });

  it('serves scripts with a script type, so nosniff lets them run', async () => {
    const response = await handle({ url: 'app://kizuna/assets/app.js', method: 'GET' });
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for missing files and escapes, 405 for writes, always with the CSP', async () => {
    const missing = await handle({ url: 'app://kizuna/nope.js', method: 'GET' });
    const escape = await handle({ url: 'app://kizuna/%2e%2e/%2e%2e/etc/passwd', method: 'GET' });
    const post = await handle({ url: APP_ENTRY_URL, method: 'POST' });
    expect([missing.status, escape.status, post.status]).toEqual([404, 404, 405]);
    for (const response of [missing, escape, post]) expect(response.headers.get('content-security-policy')).toBe(csp);
  });

  it('knows the types the renderer build produces and falls back to a download type', () => {
    expect(contentTypeFor('a.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a.exe')).toBe('application/octet-stream');
  });
});

describe('app URL check', () => {
  it('accepts only our app origin', () => {
    const isAppUrl = createAppUrlCheck();
    expect(isAppUrl('app://kizuna/index.html')).toBe(true);
    expect(isAppUrl('app://kizuna')).toBe(true);
    for (const url of ['app://evil/index.html', 'app://a@kizuna/', 'file:///work/out/renderer/index.html', 'http://localhost:5173/', 'https://kizuna/', 'about:blank', '']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('adds a dev server only when it is plain http on loopback', () => {
    expect(devServerOrigin('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(devServerOrigin('http://127.0.0.1:5173')).toBe('http://127.0.0.1:5173');
    expect(devServerOrigin('http://192.168.1.5:5173')).toBeNull();
    expect(devServerOrigin('https://example.com')).toBeNull();
    expect(devServerOrigin('')).toBeNull();
    const isAppUrl = createAppUrlCheck('http://localhost:5173');
    expect(isAppUrl('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(isAppUrl('http://localhost:5174/')).toBe(false);
    expect(isAppUrl('app://kizuna/index.html')).toBe(true);
  });
});
