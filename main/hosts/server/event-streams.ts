import type { ServerResponse } from 'node:http';
import type { EventMessage } from '../../../shared/contract';
import type { Core } from '../../app/core';
import type { Logger } from '../../app/ports';
import { securityHeaders } from './http-responses';

export const DEFAULT_HEARTBEAT_MS = 25_000;
/** A tab that stops reading (asleep, frozen) is dropped rather than buffered for without end. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

export interface EventStreamsOptions {
  core: Pick<Core, 'subscribe'>;
  logger: Logger;
  heartbeatMs?: number;
  /** Checked at each heartbeat: a stream whose session has ended or expired is closed. Also keeps an open tab's session alive. */
  sessionAlive: (sessionId: string) => boolean;
}

export interface EventStreams {
  /** `GET /events` for a signed-in request. */
  open(res: ServerResponse, sessionId: string): void;
  /** Ends every stream, so that closing the server is not held up by open tabs. */
  closeAll(): void;
  readonly count: number;
}

/**
 * Server-sent events: one `data:` line per core event carrying `{event, payload}`, the same envelope the
 * desktop app gets over IPC. A comment line every ~25 s keeps proxies and NAT boxes from dropping an
 * idle connection and lets us notice a client that is gone.
 */
export function createEventStreams(options: EventStreamsOptions): EventStreams {
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const streams = new Set<() => void>();

  return {
    open(res, sessionId) {
      res.writeHead(200, {
        ...securityHeaders(),
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        // nginx buffers responses by default, which would hold events back until the buffer fills.
        'X-Accel-Buffering': 'no',
      });
      res.write(': connected\n\n');

      let closed = false;
      const send = (text: string): void => {
        if (closed) return;
        res.write(text);
        if (res.writableLength > MAX_BUFFERED_BYTES) {
          options.logger.warn('event stream dropped: the client is not reading');
          close();
        }
      };
      const unsubscribe = options.core.subscribe((event, payload) => {
        const message: EventMessage = { event, payload } as EventMessage;
        send(`data: ${JSON.stringify(message)}\n\n`);
      });
      const heartbeat = setInterval(() => {
        if (!options.sessionAlive(sessionId)) close();
        else send(': heartbeat\n\n');
      }, heartbeatMs);
      heartbeat.unref();

      const close = (): void => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(close);
        if (!res.writableEnded) res.end();
      };
      streams.add(close);
      // The response, not the request: a request "closes" as soon as its (empty) body has been read.
      res.once('close', close);
      res.once('error', close);
    },
    closeAll() {
      for (const close of [...streams]) close();
    },
    get count() {
      return streams.size;
    },
  };
}
