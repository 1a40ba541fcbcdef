import type { EventSourceLike } from '../../../renderer/transport/event-stream';
import type { ConnectionState, RendererTransport } from '../../../renderer/transport/types';
import type { Result } from '../../../shared/contract';

/** Stands in for the browser's EventSource: tests drive open, message and error by hand. */
export class FakeEventSource implements EventSourceLike {
  readyState = 0;
  closed = false;
  onopen: EventSourceLike['onopen'] = null;
  onmessage: EventSourceLike['onmessage'] = null;
  onerror: EventSourceLike['onerror'] = null;
  constructor(readonly url: string) {}

  open(): void {
    this.readyState = 1;
    this.onopen?.call(this as unknown as EventSource, new Event('open'));
  }
  send(data: unknown): void {
    const text = typeof data === 'string' ? data : JSON.stringify(data);
    this.onmessage?.call(this as unknown as EventSource, new MessageEvent('message', { data: text }));
  }
  /** readyState 0 = the browser will retry by itself; 2 = it gave up (e.g. an HTTP error status). */
  fail(readyState: 0 | 2): void {
    this.readyState = readyState;
    this.onerror?.call(this as unknown as EventSource, new Event('error'));
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
}

type Handler = (input: unknown) => Result<unknown> | Promise<Result<unknown>>;

/** A transport answering from a table of handlers, with events and connection state pushed by the test. */
export class FakeTransport implements RendererTransport {
  readonly kind = 'http' as const;
  readonly calls: Array<{ method: string; input: unknown }> = [];
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private state: ConnectionState = 'open';

  constructor(private readonly handlers: Record<string, Handler>) {}

  async invoke(method: string, input: unknown): Promise<Result<unknown>> {
    this.calls.push({ method, input });
    const handler = this.handlers[method];
    if (!handler) return { ok: false, error: { code: 'unknown_method', message: `no ${method}`, retryable: false } };
    return handler(input);
  }
  on(event: string, listener: (payload: unknown) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return () => set.delete(listener);
  }
  emit(event: string, payload: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }
  connection(): ConnectionState {
    return this.state;
  }
  onConnectionChange(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }
  setConnection(state: ConnectionState): void {
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }
}

/** Resolves once pending promise callbacks have run, so awaited store actions have settled. */
export function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
