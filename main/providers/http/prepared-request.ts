/**
 * A request read once into a form that can be sent again: retries must replay the same method, headers and
 * body, and neither a Request nor a stream body can be sent twice. axios hands over a Request (its fetch
 * adapter), graphql-request a URL and init; both end up here.
 */
export interface PreparedRequest {
  url: string;
  method: string;
  headers: Headers;
  body: BodyInit | undefined;
  /** The caller's signal: aborting it ends the request at once, with no retry. */
  signal: AbortSignal | undefined;
  /** Everything else the caller set (redirect, cache…), passed on untouched. */
  rest: RequestInit;
}

export async function prepareRequest(input: string | URL | Request, init: RequestInit = {}): Promise<PreparedRequest> {
  const request = input instanceof Request ? input : undefined;
  const { body: initBody, headers: initHeaders, method: initMethod, signal: initSignal, ...rest } = init;
  delete (rest as { duplex?: unknown }).duplex;
  const headers = new Headers(request?.headers);
  new Headers(initHeaders).forEach((value, key) => headers.set(key, value));
  let body: BodyInit | undefined = initBody ?? undefined;
  if (body === undefined && request?.body) body = await request.arrayBuffer();
  if (body instanceof ReadableStream) body = await new Response(body).arrayBuffer();
  return {
    url: request ? request.url : String(input),
    method: (initMethod ?? request?.method ?? 'GET').toUpperCase(),
    headers,
    body,
    signal: initSignal ?? request?.signal ?? undefined,
    rest,
  };
}

/** The path for logs: never the query string, which may carry tokens (Plex's X-Plex-Token, OAuth codes). */
export function logPath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '(unparsable URL)';
  }
}
