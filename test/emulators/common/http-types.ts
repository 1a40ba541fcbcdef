import type { IncomingHttpHeaders } from 'node:http';

/** A request as a service handler sees it: already read, nothing streaming. */
export interface EmulatorRequest {
  method: string;
  /** Full URL including the emulator's own origin. */
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Milliseconds since the epoch by the emulator's clock. */
  receivedAt: number;
}

export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  /** A string or Buffer is sent as is; anything else as JSON. undefined sends no body. */
  body?: unknown;
  /** What the request log calls this request, e.g. a GraphQL operation name; defaults to METHOD path. */
  label?: string;
  /** The endpoint counter key, e.g. "GET /v2/users/@me/animelist"; defaults to the label. */
  endpoint?: string;
}

export type ServiceHandler = (request: EmulatorRequest) => Promise<EmulatorResponse> | EmulatorResponse;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): EmulatorResponse {
  return { status, body, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } };
}

export function html(status: number, body: string, headers: Record<string, string> = {}): EmulatorResponse {
  return { status, body, headers: { 'content-type': 'text/html; charset=utf-8', ...headers } };
}

export function text(status: number, body: string, headers: Record<string, string> = {}): EmulatorResponse {
  return { status, body, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } };
}

export function parseJsonBody(request: EmulatorRequest): { ok: true; value: unknown } | { ok: false; error: string } {
  if (request.body.length === 0) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(request.body.toString('utf8')) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

export function parseFormBody(request: EmulatorRequest): URLSearchParams {
  return new URLSearchParams(request.body.toString('utf8'));
}

export function bearerToken(request: EmulatorRequest): string | null {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(.+)$/i.exec(header) : null;
  return match?.[1]?.trim() ?? null;
}
