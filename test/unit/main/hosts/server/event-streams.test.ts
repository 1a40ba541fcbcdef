import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventBus } from '../../../../../main/app/event-bus';
import { createLogger } from '../../../../../main/app/logger';
import { createRedactor } from '../../../../../main/app/redact';
import { createEventStreams, type EventStreams } from '../../../../../main/hosts/server/event-streams';

const logger = createLogger({ redactor: createRedactor(), level: 'error' });
let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

/** A bare HTTP server whose every request opens a stream, so the stream logic is seen on a real socket. */
async function serve(streams: EventStreams): Promise<number> {
  server = createServer((_req, res) => streams.open(res, 'session'));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return (server?.address() as AddressInfo).port;
}

function read(port: number): Promise<{ body: string; complete: boolean }> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: '/events', agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('close', () => resolve({ body, complete: res.complete }));
    }).on('error', reject);
  });
}

describe('event streams', () => {
  it('ends a stream once its session is gone, and unsubscribes it from the core', async () => {
    const bus = createEventBus();
    let subscribed = 0;
    const core = {
      subscribe: (listener: Parameters<typeof bus.subscribe>[0]) => {
        subscribed += 1;
        const off = bus.subscribe(listener);
        return () => {
          subscribed -= 1;
          off();
        };
      },
    };
    // Alive for the first two heartbeats, gone at the third.
    let checks = 0;
    const streams = createEventStreams({ core, logger, heartbeatMs: 10, sessionAlive: () => (checks += 1) <= 2 });
    const port = await serve(streams);
    const reading = read(port);
    while (streams.count < 1) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(subscribed).toBe(1);
    bus.emit('accounts.changed', {});
    const { body, complete } = await reading;
    expect(complete).toBe(true);
    expect(body).toMatch(/^: connected\n\n/);
    expect(body).toContain('data: {"event":"accounts.changed","payload":{}}\n\n');
    expect(body.match(/: heartbeat\n\n/g)).toHaveLength(2);
    expect(streams.count).toBe(0);
    expect(subscribed).toBe(0);
  });

  it('closeAll() ends every stream', async () => {
    const streams = createEventStreams({ core: createEventBus(), logger, sessionAlive: () => true });
    const port = await serve(streams);
    const readings = [read(port), read(port)];
    while (streams.count < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    streams.closeAll();
    for (const reading of await Promise.all(readings)) expect(reading.complete).toBe(true);
    expect(streams.count).toBe(0);
  });
});
