import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../shared/contract';
import type { RunningServer } from '../../../main/hosts/server';
import { json, rawRequest } from './http-client';
import { createFixture, type Fixture } from './server-fixture';

const LIMIT = 64 * 1024;
let fx: Fixture;
let server: RunningServer;
let cookie: string;

beforeAll(async () => {
  fx = await createFixture();
  server = await fx.start({ maxBodyBytes: LIMIT });
  cookie = await fx.signIn(server);
});
afterAll(async () => {
  await fx.close();
});

function call(method: string, body?: string | Buffer, headers: Record<string, string> = {}) {
  return rawRequest({ port: server.port, method: 'POST', path: `/rpc/${method}`, headers: { cookie, 'content-type': 'application/json', ...headers }, body });
}

async function expectStillServing(): Promise<void> {
  const response = await call('app.info', '{}');
  expect(response.status).toBe(200);
  expect(json(response)).toMatchObject({ ok: true, value: { name: 'Kizuna', host: 'server' } });
}

describe('POST /rpc/<method>', () => {
  it('round-trips settings.update then settings.get through the real core', async () => {
    const update = await call('settings.update', JSON.stringify({ schedule: { intervalMinutes: 90 }, appearance: { theme: 'dark' } }));
    expect(update.status).toBe(200);
    expect(update.headers['content-type']).toBe('application/json; charset=utf-8');
    const expected = { ...defaultSettings, schedule: { paused: false, intervalMinutes: 90, cron: '' }, appearance: { theme: 'dark' } };
    expect(json(update)).toEqual({ ok: true, value: expected });
    expect(json(await call('settings.get'))).toEqual({ ok: true, value: expected });
  });

  it('passes the core’s validation error through as data, with HTTP 200', async () => {
    const response = await call('settings.update', JSON.stringify({ schedule: { intervalMinutes: 1 } }));
    expect(response.status).toBe(200);
    expect(json(response)).toEqual({
      ok: false,
      error: { code: 'validation', message: expect.stringContaining('schedule.intervalMinutes'), retryable: false, issues: [{ path: 'schedule.intervalMinutes', message: expect.any(String) }] },
    });
  });

  it('treats an empty body as {}', async () => {
    const response = await call('app.info', '');
    expect(json(response)).toMatchObject({ ok: true, value: { host: 'server', secretStore: { kind: 'encrypted-file' } } });
  });

  it('accepts a charset on the content type', async () => {
    expect((await call('settings.get', '{}', { 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
  });
});

describe('bad requests get clear errors, and the server keeps serving', () => {
  const unknown: string[] = ['nope.nothing', 'settings', 'settings.get.extra', 'Settings.get', 'settings.get%00', '..%2fsettings.get', 'settings.get/x', ''];
  it.each(unknown)('unknown method "%s" → 404 unknown_method', async (method) => {
    const response = await call(method, '{}');
    expect(response.status).toBe(404);
    expect(json(response)).toEqual({ ok: false, error: { code: 'unknown_method', message: expect.any(String), retryable: false } });
    await expectStillServing();
  });

  it('names the unknown method in the message', async () => {
    expect(json(await call('nope.nothing', '{}'))).toMatchObject({ error: { message: 'There is no method called "nope.nothing".' } });
  });

  it.each([
    ['{', /not valid JSON/],
    ['{"schedule": }', /not valid JSON/],
    ['garbage', /not valid JSON/],
    ['\u0000\u0001', /not valid JSON/],
  ])('malformed JSON %j → 400 validation naming the problem', async (body, message) => {
    const response = await call('settings.update', body);
    expect(response.status).toBe(400);
    expect(json(response)).toEqual({ ok: false, error: { code: 'validation', message: expect.stringMatching(message), retryable: false } });
    await expectStillServing();
  });

  it('refuses a body that is not UTF-8', async () => {
    const response = await call('settings.update', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    expect(response.status).toBe(400);
    expect(json(response)).toMatchObject({ error: { code: 'validation', message: expect.stringMatching(/UTF-8/) } });
  });

  it('refuses other verbs with 405', async () => {
    const response = await rawRequest({ port: server.port, path: '/rpc/settings.get', headers: { cookie } });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('POST');
    expect(json(response)).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('refuses a declared oversized body with 413 too_large, then serves the next request', async () => {
    const response = await call('settings.update', JSON.stringify({ pad: 'x'.repeat(LIMIT) }));
    expect(response.status).toBe(413);
    expect(json(response)).toEqual({ ok: false, error: { code: 'too_large', message: expect.stringContaining(String(LIMIT)), retryable: false } });
    await expectStillServing();
  });

  it('refuses an oversized chunked body while it streams, then serves the next request', async () => {
    const chunks = Array.from({ length: 40 }, () => new TextEncoder().encode('y'.repeat(16 * 1024)));
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks.shift();
        if (chunk) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(`${server.url}rpc/settings.update`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit & { duplex: 'half' });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'too_large' } });
    await expectStillServing();
  });

  it('survives raw garbage on the socket and a client that hangs up mid-body', async () => {
    await new Promise<void>((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () => socket.end('\x16\x03\x01 not http at all\r\n\r\n'));
      socket.on('error', () => resolve());
      socket.on('close', () => resolve());
      socket.resume();
    });
    await new Promise<void>((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write(`POST /rpc/settings.update HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nCookie: ${cookie}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"sched`);
        setTimeout(() => socket.destroy(), 50);
      });
      socket.on('close', () => resolve());
    });
    await expectStillServing();
  });
});

describe('a core that misbehaves', () => {
  it('throwing from dispatch becomes 500 internal, and nothing else breaks', async () => {
    const broken = await fx.start({ core: { ...fx.core, dispatch: () => Promise.reject(new Error('boom')) } });
    const brokenCookie = await fx.signIn(broken);
    const response = await rawRequest({ port: broken.port, method: 'POST', path: '/rpc/app.info', headers: { cookie: brokenCookie, 'content-type': 'application/json' } });
    expect(response.status).toBe(500);
    expect(json(response)).toEqual({ ok: false, error: { code: 'internal', message: expect.stringMatching(/bug/), retryable: false } });
    expect(response.body).not.toContain('boom');
    await expectStillServing();
  });

  it('an answer that is not a Result becomes 500 internal', async () => {
    const odd = await fx.start({ core: { ...fx.core, dispatch: async () => ({ nonsense: true }) as never } });
    const oddCookie = await fx.signIn(odd);
    const response = await rawRequest({ port: odd.port, method: 'POST', path: '/rpc/app.info', headers: { cookie: oddCookie, 'content-type': 'application/json' } });
    expect(response.status).toBe(500);
  });
});
