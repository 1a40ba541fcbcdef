import { resultSchema, type Result } from '../../shared/contract';
import { createEventStream, type EventSourceFactory } from './event-stream';
import { describeThrown, failure } from './results';
import type { RendererTransport } from './types';

export interface HttpTransportOptions {
  fetch: typeof fetch;
  openEventSource: EventSourceFactory;
  /** Root-relative so the page works at whatever origin `kizuna serve` listens on. */
  rpcPath?: string;
  eventsPath?: string;
}

export const sessionExpiredMessage =
  'Your session has expired. Open the link printed by `kizuna serve` again to sign back in.';

const unreachableMessage =
  'Could not reach the Kizuna server. Check that `kizuna serve` is still running, then try again.';

function describeStatus(response: Response): string {
  return `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
}

/** Turns whatever came back into a Result; the server's own error messages are passed through unchanged. */
async function readResult(response: Response): Promise<Result<unknown>> {
  // The session cookie is gone or stale; the server's wording cannot know how the user got here.
  if (response.status === 401) return failure('unauthenticated', sessionExpiredMessage);

  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    return failure('network', `The connection to the Kizuna server broke mid-reply (${describeThrown(error)}). Try again.`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return failure(
      'network',
      `The Kizuna server sent an unexpected reply (${describeStatus(response)}). Try again; if it keeps happening, restart \`kizuna serve\`.`,
    );
  }
  const parsed = resultSchema.safeParse(body);
  if (!parsed.success) {
    return failure(
      'network',
      `The Kizuna server sent a reply this page could not read (${describeStatus(response)}). Reload the page; if it keeps happening, restart \`kizuna serve\`.`,
    );
  }
  return parsed.data;
}

export function createHttpTransport(options: HttpTransportOptions): RendererTransport {
  const rpcPath = options.rpcPath ?? '/rpc/';
  const stream = createEventStream(options.eventsPath ?? '/events', options.openEventSource);

  return {
    kind: 'http',
    async invoke(method, input) {
      let response: Response;
      try {
        response = await options.fetch(`${rpcPath}${encodeURIComponent(method)}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        // fetch rejects only for network-level failures; its message ("Failed to fetch") helps nobody.
        return failure('network', unreachableMessage);
      }
      return readResult(response);
    },
    on: (event, listener) => stream.on(event, listener),
    connection: () => stream.state(),
    onConnectionChange: (listener) => stream.onStateChange(listener),
  };
}
