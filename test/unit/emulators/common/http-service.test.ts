import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../emulators/common/clock';
import { FaultInjector } from '../../../emulators/common/faults';
import { startHttpService, type RunningService } from '../../../emulators/common/http-service';
import { bearerToken, json, type EmulatorRequest } from '../../../emulators/common/http-types';
import { RequestLog } from '../../../emulators/common/request-log';
import type { ServiceDefinition } from '../../../emulators/common/service';

/** A tiny service with a token table, enough to exercise the runner's faults and log. */
function echoService(): ServiceDefinition & { expired: Set<string> } {
  const expired = new Set<string>();
  return {
    name: 'mal',
    expired,
    handle: (request: EmulatorRequest) => {
      const token = bearerToken(request);
      if (token && expired.has(token)) return json(401, { error: 'invalid_token', message: 'token is invalid' });
      return { ...json(200, { path: request.url.pathname, items: Array.from({ length: 20 }, (_, i) => ({ i })) }), endpoint: 'GET /echo/{id}' };
    },
    tooManyRequests: () => json(429, { error: 'too_many_requests' }, { 'retry-after': '7' }),
    expireToken: (request) => {
      const token = bearerToken(request);
      if (token) expired.add(token);
    },
  };
}

const running: RunningService[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((service) => service.close()));
});

async function start(faults = new FaultInjector()) {
  const log = new RequestLog();
  const service = echoService();
  const server = await startHttpService(service, { log, faults, clock: manualClock() });
  running.push(server);
  return { server, log, faults, service };
}

describe('emulator HTTP runner', () => {
  it('serves on 127.0.0.1 and logs each request with its endpoint', async () => {
    const { server, log } = await start();
    expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${server.baseUrl}/echo/1?x=1`);
    expect(response.status).toBe(200);
    await fetch(`${server.baseUrl}/echo/2`);
    expect(log.entries.map((entry) => [entry.method, entry.path, entry.status])).toEqual([
      ['GET', '/echo/1?x=1', 200],
      ['GET', '/echo/2', 200],
    ]);
    expect(log.counters()).toEqual({ 'mal GET /echo/{id}': 2 });
  });

  it('answers the service’s own 429 for a rate-limited fault, then recovers after `times`', async () => {
    const { server, log } = await start(new FaultInjector({ rules: [{ path: '/echo/1', times: 1, action: { kind: 'rate-limited' } }] }));
    const first = await fetch(`${server.baseUrl}/echo/1`);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('7');
    expect((await fetch(`${server.baseUrl}/echo/1`)).status).toBe(200);
    expect(log.entries[0]?.fault).toBe('rate-limited');
  });

  it('skips `after` matching requests before firing, and matches by method', async () => {
    const { server } = await start(new FaultInjector({ rules: [{ method: 'POST', after: 1, action: { kind: 'status', status: 503 } }] }));
    expect((await fetch(`${server.baseUrl}/a`, { method: 'POST' })).status).toBe(200);
    expect((await fetch(`${server.baseUrl}/a`)).status).toBe(200);
    expect((await fetch(`${server.baseUrl}/a`, { method: 'POST' })).status).toBe(503);
  });

  it('resets the connection', async () => {
    const { server, log } = await start(new FaultInjector({ rules: [{ action: { kind: 'reset' } }] }));
    await expect(fetch(`${server.baseUrl}/x`)).rejects.toThrow();
    expect(log.entries[0]).toMatchObject({ status: 0, fault: 'reset' });
  });

  it('holds a request open for a timeout fault until the client gives up', async () => {
    const { server } = await start(new FaultInjector({ rules: [{ action: { kind: 'timeout' } }] }));
    await expect(fetch(`${server.baseUrl}/x`, { signal: AbortSignal.timeout(200) })).rejects.toThrow(/timeout|abort/i);
  });

  it('sends truncated and malformed bodies that a JSON parser rejects', async () => {
    const { server } = await start(new FaultInjector({ rules: [{ times: 1, action: { kind: 'truncate' } }, { action: { kind: 'malformed' } }] }));
    await expect(fetch(`${server.baseUrl}/x`).then((response) => response.json())).rejects.toThrow();
    const malformed = await fetch(`${server.baseUrl}/x`);
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow(SyntaxError);
  });

  it('expires the caller’s token and lets the service answer in its own words', async () => {
    const { server } = await start(new FaultInjector({ rules: [{ times: 1, action: { kind: 'expire-token' } }] }));
    const headers = { authorization: 'Bearer tok-1' };
    const first = await fetch(`${server.baseUrl}/x`, { headers });
    expect(first.status).toBe(401);
    expect(await first.json()).toEqual({ error: 'invalid_token', message: 'token is invalid' });
    expect((await fetch(`${server.baseUrl}/x`, { headers: { authorization: 'Bearer tok-2' } })).status).toBe(200);
  });

  it('draws the same random faults for the same seed', async () => {
    const outcomes = async () => {
      const { server } = await start(new FaultInjector({ random: { seed: 42, probability: 0.5, actions: [{ kind: 'status', status: 500 }, { kind: 'status', status: 502 }] } }));
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await fetch(`${server.baseUrl}/x`)).status);
      return statuses;
    };
    const first = await outcomes();
    expect(first).toEqual(await outcomes());
    expect(new Set(first).size).toBeGreaterThan(1);
  });
});
