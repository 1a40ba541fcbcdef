import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatLoginLine, type RunningServer } from '../../../main/hosts/server';
import { json, rawRequest } from './http-client';
import { createFixture, type Fixture } from './server-fixture';

let fx: Fixture;
beforeAll(async () => {
  fx = await createFixture();
});
afterAll(async () => {
  await fx.close();
});

function tokenPath(server: RunningServer): string {
  const url = new URL(server.loginUrl);
  return `${url.pathname}${url.search}`;
}

describe('the printed login line', () => {
  it('is one line with the loopback URL and a 256-bit one-time token', async () => {
    const server = await fx.start({ port: 0 });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.port).toBeGreaterThan(0);
    expect(server.loginUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[A-Za-z0-9_-]{43}$`));
    const line = formatLoginLine(server.loginUrl);
    expect(line).not.toMatch(/\n/);
    expect(line).toContain(server.loginUrl);
    expect(line).toMatch(/works once/);
    expect(server.warnings).toEqual([]);
  });

  it('gets a different token on every start', async () => {
    const a = await fx.start();
    const b = await fx.start();
    expect(new URL(a.loginUrl).searchParams.get('token')).not.toBe(new URL(b.loginUrl).searchParams.get('token'));
  });
});

describe('signing in with the link', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and redirects to / with 303', async () => {
    const server = await fx.start();
    const response = await fetch(server.loginUrl, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^kizuna_session=[A-Za-z0-9_-]{43}; /);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Secure/);

    const page = await fetch(server.url, { headers: { cookie: String(cookie).split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Kizuna test UI');
  });

  it('works once: a second visit gets a page saying the link was used and how to get a new one', async () => {
    const server = await fx.start();
    await fx.signIn(server);
    const again = await rawRequest({ port: server.port, path: tokenPath(server), headers: { accept: 'text/html' } });
    expect(again.status).toBe(410);
    expect(again.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body).toMatch(/already used/);
    expect(again.body).toMatch(/run <code>kizuna serve<\/code> again/);
  });

  it('sends a browser that is already signed in straight on when the link is reopened', async () => {
    const server = await fx.start();
    const cookie = await fx.signIn(server);
    const again = await rawRequest({ port: server.port, path: tokenPath(server), headers: { cookie } });
    expect(again.status).toBe(303);
    expect(again.headers.location).toBe('/');
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a wrong token without using up the real one', async () => {
    const server = await fx.start();
    const wrong = await rawRequest({ port: server.port, path: '/?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', headers: { accept: 'text/html' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatch(/not valid/);
    await expect(fx.signIn(server)).resolves.toMatch(/^kizuna_session=/);
  });

  it('does not accept a session from another server', async () => {
    const first = await fx.start();
    const second = await fx.start();
    const cookie = await fx.signIn(first);
    const response = await rawRequest({ port: second.port, method: 'POST', path: '/rpc/app.info', headers: { cookie, 'content-type': 'application/json' } });
    expect(response.status).toBe(401);
  });
});

describe('secrets in the log', () => {
  it('never contain the token or the session id', async () => {
    const server = await fx.start();
    const token = new URL(server.loginUrl).searchParams.get('token') ?? '';
    const cookie = await fx.signIn(server);
    await rawRequest({ port: server.port, path: tokenPath(server) });
    await rawRequest({ port: server.port, path: tokenPath(server), headers: { host: 'evil.com' } });
    const all = fx.logged.join('\n');
    expect(all).toMatch(/signed in with the one-time link/);
    expect(all).not.toContain(token);
    expect(all).not.toContain(cookie.split('=')[1]);
  });
});

describe('without a session', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await fx.start();
  });

  it('refuses /rpc with 401 unauthenticated, saying to open the printed link', async () => {
    const response = await rawRequest({ port: server.port, method: 'POST', path: '/rpc/app.info', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json(response)).toEqual({ ok: false, error: { code: 'unauthenticated', message: expect.stringMatching(/link printed by `kizuna serve`/), retryable: false } });
  });

  it('refuses /events with 401', async () => {
    const response = await rawRequest({ port: server.port, path: '/events', headers: { accept: 'text/event-stream' } });
    expect(response.status).toBe(401);
    expect(json(response)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('refuses static files with 401: a page for browsers, JSON for scripts', async () => {
    const page = await rawRequest({ port: server.port, path: '/', headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(page.status).toBe(401);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toMatch(/Open the link that <code>kizuna serve<\/code> printed/);
    expect(page.body).not.toContain('Kizuna test UI');
    expect(page.body).not.toMatch(/<form/);

    const script = await rawRequest({ port: server.port, path: '/assets/app-abc123.js' });
    expect(script.status).toBe(401);
    expect(script.body).not.toContain('kizuna");');
  });

  it('refuses a made-up cookie', async () => {
    const response = await rawRequest({ port: server.port, path: '/', headers: { cookie: 'kizuna_session=made-up' } });
    expect(response.status).toBe(401);
  });

  it('has no password form when no password was set', async () => {
    const response = await rawRequest({ port: server.port, path: '/login' });
    expect(response.status).toBe(404);
  });
});
