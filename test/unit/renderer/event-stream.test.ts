import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEventStream } from '../../../renderer/transport/event-stream';
import { defaultSettings } from '../../../shared/contract';
import { FakeEventSource } from './fakes';

function setup() {
  let source: FakeEventSource | undefined;
  const stream = createEventStream('/events', (url) => (source = new FakeEventSource(url)));
  const states: string[] = [];
  stream.onStateChange((state) => states.push(state));
  const received: unknown[] = [];
  stream.on('settings.changed', (payload) => received.push(payload));
  if (!source) throw new Error('stream did not open');
  return { stream, source, states, received };
}

describe('event stream (SSE)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('delivers {"event","payload"} messages to that event\'s listeners', () => {
    const { source, received } = setup();
    source.send({ event: 'settings.changed', payload: defaultSettings });
    expect(received).toEqual([defaultSettings]);
  });

  it('does not deliver other events', () => {
    const { source, received } = setup();
    source.send({ event: 'accounts.changed', payload: {} });
    expect(received).toEqual([]);
  });

  it('drops payloads that break the contract instead of handing them to stores', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { source, received } = setup();
    source.send({ event: 'settings.changed', payload: { appearance: { theme: 'neon' } } });
    expect(received).toEqual([]);
    expect(warn).toHaveBeenCalled();
  });

  it('ignores messages that are not JSON or have no event name', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { source, received } = setup();
    source.send('not json');
    source.send({ payload: defaultSettings });
    source.send({ event: 42, payload: defaultSettings });
    expect(received).toEqual([]);
  });

  it('passes events the contract does not know yet through unchanged', () => {
    const { stream, source } = setup();
    const got: unknown[] = [];
    stream.on('playlists.progress', (payload) => got.push(payload));
    source.send({ event: 'playlists.progress', payload: { done: 3 } });
    expect(got).toEqual([{ done: 3 }]);
  });

  it('keeps delivering to other listeners when one throws', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { stream, source, received } = setup();
    stream.on('settings.changed', () => {
      throw new Error('boom');
    });
    const later: unknown[] = [];
    stream.on('settings.changed', (payload) => later.push(payload));
    source.send({ event: 'settings.changed', payload: defaultSettings });
    expect(received).toHaveLength(1);
    expect(later).toHaveLength(1);
  });

  it('stops calling a listener after it unsubscribes', () => {
    const { stream, source } = setup();
    const got: unknown[] = [];
    const stop = stream.on('accounts.changed', (payload) => got.push(payload));
    stop();
    source.send({ event: 'accounts.changed', payload: {} });
    expect(got).toEqual([]);
  });

  it('reports connecting -> open -> reconnecting -> open as EventSource retries by itself', () => {
    const { stream, source, states } = setup();
    expect(stream.state()).toBe('connecting');
    source.open();
    source.fail(0);
    source.open();
    expect(states).toEqual(['open', 'reconnecting', 'open']);
  });

  it("reports 'closed' when the browser gives up (e.g. the server answered 401)", () => {
    const { stream, source } = setup();
    source.open();
    source.fail(2);
    expect(stream.state()).toBe('closed');
  });
});
