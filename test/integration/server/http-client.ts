import { request, type IncomingHttpHeaders } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  port: number;
  method?: string;
  path?: string;
  /** Sent exactly as given; `host: null` sends no Host header at all (fetch cannot do either). */
  headers?: Record<string, string | null>;
  body?: string | Buffer;
}

/**
 * One request over node:http with full control of the headers, on its own connection so a test's
 * leftovers never leak into the next one.
 */
export function rawRequest(options: RawRequest): Promise<RawResponse> {
  const headers: Record<string, string> = {};
  let setHost = true;
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === null) {
      if (name.toLowerCase() === 'host') setHost = false;
    } else {
      headers[name] = value;
    }
  }
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: options.port, method: options.method ?? 'GET', path: options.path ?? '/', headers, setHost, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export function json(response: RawResponse): unknown {
  return JSON.parse(response.body) as unknown;
}
