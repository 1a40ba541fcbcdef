import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Clock } from './clock';
import type { FaultAction, FaultInjector } from './faults';
import type { EmulatorRequest, EmulatorResponse } from './http-types';
import type { RequestLog } from './request-log';
import type { ServiceDefinition } from './service';

const MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface RunningService {
  name: string;
  baseUrl: string;
  close(): Promise<void>;
}

export interface StartServiceOptions {
  port?: number;
  log: RequestLog;
  faults: FaultInjector;
  clock: Clock;
}

/** Serves one ServiceDefinition over real HTTP on 127.0.0.1, with fault injection and a request log. */
export async function startHttpService(service: ServiceDefinition, options: StartServiceOptions): Promise<RunningService> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    void handle(service, options, req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  service.setBaseUrl?.(baseUrl);
  return {
    name: service.name,
    baseUrl,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function handle(service: ServiceDefinition, options: StartServiceOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = Date.now();
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
  const path = `${url.pathname}${url.search}`;
  const logEntry = (status: number, label: string, endpoint: string, fault?: FaultAction) =>
    options.log.record({ service: service.name, method, path, label, endpoint, status, ms: Date.now() - started, at: options.clock.now(), ...(fault ? { fault: fault.kind } : {}) });

  let body: Buffer;
  try {
    body = await readBody(req);
  } catch {
    res.writeHead(413).end();
    logEntry(413, `${method} ${url.pathname}`, `${method} ${url.pathname}`);
    return;
  }
  const request: EmulatorRequest = { method, url, headers: req.headers, body, receivedAt: options.clock.now() };
  const fault = options.faults.choose({ service: service.name, method, path: url.pathname });

  if (fault?.kind === 'reset') {
    req.socket.destroy();
    logEntry(0, `${method} ${url.pathname}`, `${method} ${url.pathname}`, fault);
    return;
  }
  if (fault?.kind === 'timeout') {
    // Hold the request open; the client's own timeout must give up. The socket is destroyed on close().
    logEntry(0, `${method} ${url.pathname}`, `${method} ${url.pathname}`, fault);
    return;
  }
  if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
  if (fault?.kind === 'expire-token') service.expireToken(request);

  let response: EmulatorResponse;
  try {
    if (fault?.kind === 'rate-limited') response = service.tooManyRequests(request);
    else if (fault?.kind === 'status') response = { status: fault.status, body: `<html><body><h1>${fault.status}</h1></body></html>`, headers: { 'content-type': 'text/html' } };
    else response = await service.handle(request);
  } catch (error) {
    response = { status: 500, body: { error: 'emulator_bug', message: (error as Error).stack ?? String(error) } };
  }

  let payload = serialise(response);
  if (fault?.kind === 'truncate') payload = payload.subarray(0, Math.floor(payload.length / 2));
  if (fault?.kind === 'malformed') payload = Buffer.from('{"data": {"unterminated": [1, 2,', 'utf8');
  const headers: Record<string, string> = { ...response.headers };
  if (response.body !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
    headers['content-type'] = 'application/json; charset=utf-8';
  }
  // A truncated body keeps the full Content-Length so the client sees a short read, as with a dropped connection.
  headers['content-length'] = String(fault?.kind === 'truncate' ? serialise(response).length : payload.length);
  res.writeHead(response.status, headers);
  if (fault?.kind === 'truncate') {
    res.write(payload);
    res.socket?.destroy();
  } else {
    res.end(payload);
  }
  const label = response.label ?? `${method} ${url.pathname}`;
  logEntry(response.status, label, response.endpoint ?? label, fault);
}

function serialise(response: EmulatorResponse): Buffer {
  if (response.body === undefined) return Buffer.alloc(0);
  if (Buffer.isBuffer(response.body)) return response.body;
  if (typeof response.body === 'string') return Buffer.from(response.body, 'utf8');
  return Buffer.from(JSON.stringify(response.body), 'utf8');
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
