import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract';
import type { RunningServer } from '../../../main/hosts/server';
import { json, rawRequest } from './http-client';
import { createFixture, type Fixture } from './server-fixture';

const PASSWORD = 'a long enough password';
let fx: Fixture;

beforeAll(async () => {
  fx = await createFixture();
});
afterAll(async () => {
  await fx.close();
});

function startRemote(): Promise<RunningServer> {
  return fx.start({ host: '0.0.0.0', allowRemote: true, password: PASSWORD });
}

function postPassword(server: RunningServer, password: string) {
  return rawRequest({
    port: server.port,
    method: 'POST',
    path: '/login',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: `http://127.0.0.1:${server.port}`, accept: 'text/html' },
    body: new URLSearchParams({ password }).toString(),
  });
}

describe('listening beyond this machine', () => {
  it.each([
    ['without --allow-remote', { host: '0.0.0.0', password: PASSWORD }, /--allow-remote/],
    ['without a password', { host: '0.0.0.0', allowRemote: true }, /needs a password/],
    ['with a short password', { host: '0.0.0.0', allowRemote: true, password: 'short' }, /at least 12 characters/],
  ])('is refused %s, with a clear error', async (_label, options, message) => {
    const attempt = fx.start(options);
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'validation', message: expect.stringMatching(message) });
  });

  it('starts with both, and warns that traffic is not encrypted', async () => {
    const server = await startRemote();
    expect(server.warnings).toHaveLength(1);
    expect(server.warnings[0]).toMatch(/not encrypted/);
    expect(server.warnings[0]).toMatch(/reverse proxy with TLS/);
    expect(server.loginUrl).toMatch(new RegExp(`^http://[0-9.]+:${server.port}/\\?token=`));
  });

  it('still refuses foreign Host and Origin headers', async () => {
    const server = await startRemote();
    expect((await rawRequest({ port: server.port, path: '/login', headers: { host: `evil.com:${server.port}` } })).status).toBe(403);
    const crossSite = await rawRequest({
      port: server.port,
      method: 'POST',
      path: '/login',
      headers: { origin: 'http://evil.com', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ password: PASSWORD }).toString(),
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers['set-cookie']).toBeUndefined();
  });

  it('reports a port that is taken', async () => {
    const server = await fx.start();
    await expect(fx.start({ port: server.port })).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/already in use/) });
  });
});

describe('password sign-in', () => {
  it('offers the form to a browser that is not signed in', async () => {
    const server = await startRemote();
    const page = await rawRequest({ port: server.port, path: '/', headers: { accept: 'text/html' } });
    expect(page.status).toBe(401);
    expect(page.body).toMatch(/<form method="post" action="\/login">/);
    // The page may post its form back to us, and only to us.
    expect(page.headers['content-security-policy']).toMatch(/form-action 'self'/);
    const form = await rawRequest({ port: server.port, path: '/login' });
    expect(form.status).toBe(200);
    expect(form.body).toMatch(/type="password"/);
  });

  it('signs in with the right password: session cookie, 303 to /, and the API works', async () => {
    const server = await startRemote();
    const response = await postPassword(server, PASSWORD);
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/');
    const cookie = String(response.headers['set-cookie']?.[0]);
    expect(cookie).toMatch(/^kizuna_session=.*; HttpOnly; SameSite=Strict; Path=\/$/);
    const api = await rawRequest({ port: server.port, method: 'POST', path: '/rpc/app.info', headers: { cookie: cookie.split(';')[0] ?? '', 'content-type': 'application/json' } });
    expect(json(api)).toMatchObject({ ok: true, value: { host: 'server' } });
  });

  it('also accepts the one-time link', async () => {
    const server = await startRemote();
    await expect(fx.signIn(server)).resolves.toMatch(/^kizuna_session=/);
  });

  it('refuses a wrong password, then rate-limits the address even for the right one', async () => {
    const server = await startRemote();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const wrong = await postPassword(server, `wrong password ${attempt}`);
      expect(wrong.status).toBe(401);
      expect(wrong.body).toMatch(/not right/);
      expect(wrong.headers['set-cookie']).toBeUndefined();
    }
    const limited = await postPassword(server, PASSWORD);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body).toMatch(/Too many wrong passwords/);
    expect(limited.headers['set-cookie']).toBeUndefined();
    expect(fx.logged.join('\n')).not.toContain(PASSWORD);
  });

  it('wants the form encoding, and a form-sized body', async () => {
    const server = await startRemote();
    const asJson = await rawRequest({ port: server.port, method: 'POST', path: '/login', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password: PASSWORD }) });
    expect(asJson.status).toBe(415);
    const huge = await rawRequest({ port: server.port, method: 'POST', path: '/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `password=${'x'.repeat(10_000)}` });
    expect(huge.status).toBe(413);
  });
});
