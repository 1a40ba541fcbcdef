import { connect } from 'node:net';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../main/hosts/server';
import { json, rawRequest } from './http-client';
import { createFixture, INDEX_HTML, SECRET_OUTSIDE, type Fixture } from './server-fixture';

let fx: Fixture;
let server: RunningServer;
let cookie: string;

beforeAll(async () => {
  fx = await createFixture();
  server = await fx.start();
  cookie = await fx.signIn(server);
});
afterAll(async () => {
  await fx.close();
});

function get(path: string, headers: Record<string, string> = {}) {
  return rawRequest({ port: server.port, path, headers: { cookie, ...headers } });
}

/**
 * Sends the request line exactly as written; http.request and fetch would normalise or reject it.
 * write, not end: a half-closed socket makes Node drop answers that are still being prepared.
 */
function sendRaw(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`);
    });
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

describe('the built renderer', () => {
  it('serves index.html at /, uncached', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toBe(INDEX_HTML);
  });

  it('serves index.html for the app’s own routes', async () => {
    for (const path of ['/library', '/library/anime/123', '/settings?tab=sync']) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.body).toBe(INDEX_HTML);
    }
  });

  it('serves files with their content types; hashed assets may be cached', async () => {
    const script = await get('/assets/app-abc123.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(script.body).toBe('console.log("kizuna");\n');
    expect((await get('/assets/app-abc123.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await get('/favicon.svg')).headers['content-type']).toBe('image/svg+xml');
  });

  it('answers HEAD without a body', async () => {
    const response = await rawRequest({ port: server.port, method: 'HEAD', path: '/assets/app-abc123.js', headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers['content-length']).toBe('23');
    expect(response.body).toBe('');
  });

  it('gives a missing file a 404, not the index page', async () => {
    const response = await get('/assets/missing.js');
    expect(response.status).toBe(404);
    expect(json(response)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses other verbs', async () => {
    const response = await rawRequest({ port: server.port, method: 'PUT', path: '/index.html', headers: { cookie }, body: 'x' });
    expect(response.status).toBe(405);
  });
});

describe('path traversal', () => {
  // Sent byte for byte on a raw socket: no client-side URL normalisation gets to "help".
  const attacks = [
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/secret.txt%00.js',
    '/%00',
    '/assets/leak.txt',
    '/.env',
    `/${'..%2f'.repeat(12)}etc%2fpasswd`,
    '//etc/passwd',
    '/etc/passwd',
    'http://127.0.0.1/../secret.txt',
  ];

  it.each(attacks)('never leaks a file outside the folder: %s', async (path) => {
    const response = await sendRaw(path);
    expect(response).toMatch(/^HTTP\/1\.1 (200|400|403|404) /);
    expect(response).not.toContain(SECRET_OUTSIDE);
    expect(response).not.toContain('root:');
    expect(response).not.toContain('HIDDEN=1');
    if (!response.startsWith('HTTP/1.1 200')) expect(response).toMatch(/"ok":false/);
    else expect(response).toContain('Kizuna test UI');
  });

  it('says why when it refuses', async () => {
    expect(await sendRaw('/../secret.txt')).toMatch(/^HTTP\/1\.1 403 [\s\S]*"code":"forbidden"[\s\S]*leaves the UI folder/);
    expect(await sendRaw('/index.html%00.js')).toMatch(/^HTTP\/1\.1 400 [\s\S]*NUL byte/);
  });

  it('keeps serving afterwards', async () => {
    expect((await get('/')).status).toBe(200);
  });
});

describe('when the UI is not built', () => {
  it('serves a page saying how to build it, while the API keeps working', async () => {
    const emptyDir = join(fx.dir, 'empty-renderer');
    mkdirSync(emptyDir);
    const bare = await fx.start({ rendererDir: emptyDir });
    const bareCookie = await fx.signIn(bare);
    const page = await rawRequest({ port: bare.port, path: '/', headers: { cookie: bareCookie } });
    expect(page.status).toBe(503);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('npm run build:renderer');
    const missingFolder = await fx.start({ rendererDir: join(fx.dir, 'does-not-exist') });
    const missingCookie = await fx.signIn(missingFolder);
    expect((await rawRequest({ port: missingFolder.port, path: '/library', headers: { cookie: missingCookie } })).body).toContain('npm run build:renderer');

    const api = await rawRequest({ port: bare.port, method: 'POST', path: '/rpc/app.info', headers: { cookie: bareCookie, 'content-type': 'application/json' } });
    expect(api.status).toBe(200);
  });
});
