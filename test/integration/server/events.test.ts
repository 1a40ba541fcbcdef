import { request, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventMessage } from '../../../shared/contract';
import type { RunningServer } from '../../../main/hosts/server';
import { createFixture, type Fixture } from './server-fixture';

let fx: Fixture;
beforeAll(async () => {
  fx = await createFixture();
});
afterAll(async () => {
  await fx.close();
});

interface EventStream {
  response: IncomingMessage;
  /** Everything received so far. */
  text(): string;
  /** Resolves once the received text matches. */
  waitFor(pattern: RegExp): Promise<string>;
  /** Resolves when the stream is over: true when the server ended it properly, false when it was cut. */
  ended: Promise<boolean>;
  close(): void;
}

function openEvents(server: RunningServer, cookie: string): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: '/events', headers: { cookie, accept: 'text/event-stream' }, agent: false }, (response) => {
      let received = '';
      const waiters: Array<() => void> = [];
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        received += chunk;
        for (const waiter of [...waiters]) waiter();
      });
      const ended = new Promise<boolean>((done) => response.on('close', () => done(response.complete)));
      resolve({
        response,
        text: () => received,
        waitFor: (pattern) =>
          new Promise((done) => {
            const check = (): void => {
              const match = pattern.exec(received);
              if (match) {
                waiters.splice(waiters.indexOf(check), 1);
                done(match[0]);
              }
            };
            waiters.push(check);
            check();
          }),
        ended,
        close: () => req.destroy(),
      });
    });
    req.on('error', (error) => (error.message === 'socket hang up' ? undefined : reject(error)));
    req.end();
  });
}

function rpc(server: RunningServer, cookie: string, method: string, input: unknown): Promise<Response> {
  return fetch(`${server.url}rpc/${method}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', origin: server.url.slice(0, -1) }, body: JSON.stringify(input) });
}

describe('GET /events', () => {
  it('is an uncached event stream', async () => {
    const server = await fx.start();
    const stream = await openEvents(server, await fx.signIn(server));
    expect(stream.response.statusCode).toBe(200);
    expect(stream.response.headers['content-type']).toBe('text/event-stream');
    expect(stream.response.headers['cache-control']).toBe('no-store');
    expect(stream.response.headers['x-content-type-options']).toBe('nosniff');
    stream.close();
  });

  it('delivers settings.changed after settings.update, as one data line with event and payload', async () => {
    const server = await fx.start();
    const cookie = await fx.signIn(server);
    const stream = await openEvents(server, cookie);
    await stream.waitFor(/^: connected\n\n/);
    const update = await rpc(server, cookie, 'settings.update', { notifications: { enabled: false } });
    expect(update.status).toBe(200);
    const line = await stream.waitFor(/data: .*\n\n/);
    const message = JSON.parse(line.slice('data: '.length)) as EventMessage<'settings.changed'>;
    expect(message.event).toBe('settings.changed');
    expect(message.payload.notifications.enabled).toBe(false);
    stream.close();
  });

  it('fans out to every open stream, and stops sending to one that closed', async () => {
    const server = await fx.start();
    const cookie = await fx.signIn(server);
    const [a, b] = await Promise.all([openEvents(server, cookie), openEvents(server, cookie)]);
    await Promise.all([a?.waitFor(/connected/), b?.waitFor(/connected/)]);
    a?.close();
    await a?.ended;
    fx.core.emit('accounts.changed', {});
    await expect(b?.waitFor(/"event":"accounts.changed"/)).resolves.toBeTruthy();
    expect(a?.text()).not.toMatch(/accounts.changed/);
    b?.close();
  });

  it('sends a comment heartbeat', async () => {
    const server = await fx.start({ heartbeatMs: 30 });
    const stream = await openEvents(server, await fx.signIn(server));
    await expect(stream.waitFor(/: heartbeat\n\n/)).resolves.toBeTruthy();
    stream.close();
  });

  it('does not hold up close(): open streams are ended cleanly rather than cut after the grace period', async () => {
    const server = await fx.start();
    const stream = await openEvents(server, await fx.signIn(server));
    await stream.waitFor(/connected/);
    await server.close();
    await expect(stream.ended).resolves.toBe(true);
  });
});
