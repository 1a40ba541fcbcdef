import { describe, expect, it, vi } from 'vitest';
import { createIpcTransport, type KizunaBridge } from '../../../renderer/transport/ipc-transport';
import { pickTransport } from '../../../renderer/transport/pick-transport';
import { defaultSettings } from '../../../shared/contract';

function bridge(invoke: KizunaBridge['invoke']): KizunaBridge & { emit(event: string, payload: unknown): void } {
  const listeners = new Map<string, (payload: unknown) => void>();
  return {
    invoke,
    on(event, listener) {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    },
    emit(event, payload) {
      listeners.get(event)?.(payload);
    },
  };
}

describe('IPC transport', () => {
  it('hands the preload bridge the method and input unchanged', async () => {
    const invoke = vi.fn<KizunaBridge['invoke']>(async () => ({ ok: true, value: 'x' }));
    const transport = createIpcTransport(bridge(invoke));
    expect(await transport.invoke('app.info', {})).toEqual({ ok: true, value: 'x' });
    expect(invoke).toHaveBeenCalledWith('app.info', {});
  });

  it('turns a rejected invoke (no handler, crashed main) into an internal error Result', async () => {
    const transport = createIpcTransport(bridge(async () => Promise.reject(new Error('No handler registered'))));
    const result = await transport.invoke('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!result.ok) expect(result.error.message).toContain('No handler registered');
  });

  it('refuses a reply that is not a Result', async () => {
    const transport = createIpcTransport(bridge(async () => ({ nope: true }) as never));
    expect(await transport.invoke('app.info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('checks event payloads against the contract', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const fake = bridge(vi.fn());
    const transport = createIpcTransport(fake);
    const got: unknown[] = [];
    transport.on('settings.changed', (payload) => got.push(payload));
    fake.emit('settings.changed', { broken: true });
    fake.emit('settings.changed', defaultSettings);
    expect(got).toEqual([defaultSettings]);
  });

  it('is always connected', () => {
    expect(createIpcTransport(bridge(vi.fn())).connection()).toBe('open');
  });
});

describe('pickTransport', () => {
  it('uses IPC when the preload bridge is present, HTTP otherwise', () => {
    const withBridge = { kizuna: bridge(vi.fn()) } as unknown as Window & typeof globalThis;
    expect(pickTransport(withBridge).kind).toBe('ipc');
    const browser = { fetch: vi.fn(), EventSource: vi.fn() } as unknown as Window & typeof globalThis;
    expect(pickTransport(browser).kind).toBe('http');
  });
});
