import { describe, expect, it, vi } from 'vitest';
import { createHttpTransport, sessionExpiredMessage } from '../../../renderer/transport/http-transport';
import { FakeEventSource } from './fakes';

function transportAnswering(respond: () => Response | Promise<Response>) {
  const fetch = vi.fn<typeof globalThis.fetch>(async () => respond());
  const transport = createHttpTransport({ fetch, openEventSource: (url) => new FakeEventSource(url) });
  return { transport, fetch };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('HTTP transport', () => {
  it('POSTs the input as JSON to /rpc/<method> with same-origin credentials', async () => {
    const { transport, fetch } = transportAnswering(() => json({ ok: true, value: 1 }));
    await transport.invoke('settings.update', { schedule: { paused: true } });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/rpc/settings.update');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(init?.body))).toEqual({ schedule: { paused: true } });
  });

  it('sends {} when there is no input, never the text "undefined"', async () => {
    const { transport, fetch } = transportAnswering(() => json({ ok: true, value: null }));
    await transport.invoke('app.info', undefined);
    expect(fetch.mock.calls[0]?.[1]?.body).toBe('{}');
  });

  it('keeps a method name from escaping the /rpc/ path', async () => {
    const { transport, fetch } = transportAnswering(() => json({ ok: true, value: null }));
    await transport.invoke('../events?x=1', {});
    expect(fetch.mock.calls[0]?.[0]).toBe('/rpc/..%2Fevents%3Fx%3D1');
  });

  it('returns a successful Result as it came', async () => {
    const { transport } = transportAnswering(() => json({ ok: true, value: { version: '1.0.0' } }));
    expect(await transport.invoke('app.info', {})).toEqual({ ok: true, value: { version: '1.0.0' } });
  });

  it("passes the server's own error through, issues included", async () => {
    const error = { code: 'validation', message: 'Invalid input', retryable: false, issues: [{ path: 'schedule.intervalMinutes', message: 'Too small' }] };
    const { transport } = transportAnswering(() => json({ ok: false, error }));
    expect(await transport.invoke('settings.update', {})).toEqual({ ok: false, error });
  });

  it('passes through transport-level refusals that carry a JSON Result (403, 404, 413, 400)', async () => {
    const error = { code: 'too_large', message: 'The request is larger than 1 MB.', retryable: false };
    const { transport } = transportAnswering(() => json({ ok: false, error }, 413));
    expect(await transport.invoke('settings.update', {})).toEqual({ ok: false, error });
  });

  it('turns 401 into "session expired" with the way back in, whatever the body says', async () => {
    const { transport } = transportAnswering(() => json({ ok: false, error: { code: 'unauthenticated', message: 'no cookie', retryable: false } }, 401));
    const result = await transport.invoke('app.info', {});
    expect(result).toEqual({ ok: false, error: { code: 'unauthenticated', message: sessionExpiredMessage, retryable: false } });
    expect(sessionExpiredMessage).toContain('kizuna serve');
  });

  it('turns a 500 HTML page into a network error naming the status', async () => {
    const { transport } = transportAnswering(
      () => new Response('<html><body>Bad Gateway</body></html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    const result = await transport.invoke('app.info', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('network');
    expect(result.error.retryable).toBe(true);
    expect(result.error.message).toContain('HTTP 502 Bad Gateway');
  });

  it('turns malformed JSON into a network error', async () => {
    const { transport } = transportAnswering(() => new Response('{"ok":tru', { status: 200 }));
    const result = await transport.invoke('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'network' } });
  });

  it('turns JSON that is not a Result into a network error', async () => {
    const { transport } = transportAnswering(() => json({ ok: 'yes', value: 1 }));
    const result = await transport.invoke('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'network' } });
    if (!result.ok) expect(result.error.message).toContain('could not read');
  });

  it('rejects an error whose code is outside the contract', async () => {
    const { transport } = transportAnswering(() => json({ ok: false, error: { code: 'teapot', message: 'x', retryable: false } }));
    expect(await transport.invoke('app.info', {})).toMatchObject({ ok: false, error: { code: 'network' } });
  });

  it('turns a failed fetch (server down) into a network error that says what to check', async () => {
    const { transport } = transportAnswering(() => {
      throw new TypeError('Failed to fetch');
    });
    const result = await transport.invoke('app.info', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('network');
    expect(result.error.message).toContain('`kizuna serve`');
    expect(result.error.message).not.toContain('Failed to fetch');
  });

  it('opens the event stream at /events on first subscription only', () => {
    const opened: FakeEventSource[] = [];
    const transport = createHttpTransport({
      fetch: vi.fn(),
      openEventSource: (url) => {
        const source = new FakeEventSource(url);
        opened.push(source);
        return source;
      },
    });
    expect(opened).toHaveLength(0);
    transport.on('settings.changed', () => undefined);
    transport.on('accounts.changed', () => undefined);
    expect(opened.map((s) => s.url)).toEqual(['/events']);
  });
});
