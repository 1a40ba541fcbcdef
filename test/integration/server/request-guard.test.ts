import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../main/hosts/server';
import { json, rawRequest } from './http-client';
import { createFixture, type Fixture } from './server-fixture';

let fx: Fixture;
let server: RunningServer;
let cookie: string;
let PORT: number;

beforeAll(async () => {
  fx = await createFixture();
  server = await fx.start();
  PORT = server.port;
  cookie = await fx.signIn(server);
});
afterAll(async () => {
  await fx.close();
});

// Headers a hostile page could get a browser to send. All with a valid session cookie: the checks must
// hold even for a signed-in browser, because a rebinding page talks to us from the victim's browser.
const badHosts: Array<[label: string, host: () => string | null]> = [
  ['evil.com (DNS rebinding)', () => `evil.com:${PORT}`],
  ['127.0.0.1.evil.com', () => `127.0.0.1.evil.com:${PORT}`],
  ['localhost:PORT (we bound 127.0.0.1; see request-guard.ts)', () => `localhost:${PORT}`],
  ['no Host header', () => null],
  ['our address, another port', () => '127.0.0.1:1'],
];

const badOrigins: Array<[label: string, origin: () => string]> = [
  ['http://evil.com', () => 'http://evil.com'],
  ['null (sandboxed frame, file: page)', () => 'null'],
  ['another port on 127.0.0.1', () => 'http://127.0.0.1:1'],
  ['localhost with our port', () => `http://localhost:${PORT}`],
];

function rpc(headers: Record<string, string | null>, method = 'settings.get') {
  return rawRequest({ port: PORT, method: 'POST', path: `/rpc/${method}`, headers: { cookie, 'content-type': 'application/json', ...headers }, body: '{}' });
}

describe('Host check (DNS rebinding)', () => {
  it.each(badHosts)('refuses %s with 403 forbidden on rpc, events and static', async (_label, host) => {
    for (const response of [
      await rpc({ host: host() }),
      await rawRequest({ port: PORT, path: '/events', headers: { cookie, host: host() } }),
      await rawRequest({ port: PORT, path: '/', headers: { cookie, host: host() } }),
      await rawRequest({ port: PORT, path: `/?token=${new URL(server.loginUrl).searchParams.get('token')}`, headers: { host: host() } }),
    ]) {
      expect(response.status).toBe(403);
      expect(json(response)).toEqual({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/Host/), retryable: false } });
      expect(response.body).not.toContain('Kizuna test UI');
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  it('accepts the bound address', async () => {
    const response = await rpc({ host: `127.0.0.1:${PORT}` });
    expect(response.status).toBe(200);
  });
});

describe('Origin check (cross-site and cross-port requests)', () => {
  it.each(badOrigins)('refuses Origin %s with 403 forbidden', async (_label, origin) => {
    const response = await rpc({ origin: origin() }, 'settings.update');
    expect(response.status).toBe(403);
    expect(json(response)).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/Origin/) } });
    const events = await rawRequest({ port: PORT, path: '/events', headers: { cookie, origin: origin() } });
    expect(events.status).toBe(403);
  });

  it('accepts our own origin, and no Origin at all', async () => {
    expect((await rpc({ origin: `http://127.0.0.1:${PORT}` })).status).toBe(200);
    expect((await rpc({})).status).toBe(200);
  });

  it('refuses a form post even from our own origin: the body must be JSON', async () => {
    const response = await rpc({ origin: `http://127.0.0.1:${PORT}`, 'content-type': 'application/x-www-form-urlencoded' }, 'settings.update');
    expect(response.status).toBe(415);
    expect(json(response)).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/application\/json/) } });
    const text = await rpc({ 'content-type': 'text/plain' }, 'settings.update');
    expect(text.status).toBe(415);
  });
});

describe('security headers', () => {
  it('are on every kind of response', async () => {
    const responses = [
      await rawRequest({ port: PORT, path: '/', headers: { cookie } }),
      await rawRequest({ port: PORT, path: '/assets/app-abc123.js', headers: { cookie } }),
      await rpc({}),
      await rpc({ host: 'evil.com' }),
      await rawRequest({ port: PORT, path: '/' }),
      await rawRequest({ port: PORT, path: '/assets/missing.js', headers: { cookie } }),
      await rawRequest({ port: PORT, path: server.loginUrl.slice(server.url.length - 1) }),
    ];
    for (const response of responses) {
      expect(response.headers['content-security-policy']).toBe(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; object-src 'none'",
      );
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('API answers are never cached', async () => {
    expect((await rpc({})).headers['cache-control']).toBe('no-store');
    expect((await rpc({}, 'nope.nothing')).headers['cache-control']).toBe('no-store');
  });
});
