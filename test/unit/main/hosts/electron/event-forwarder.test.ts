import { describe, expect, it } from 'vitest';
import { defaultSettings, type EventMessage } from '../../../../../shared/contract';
import { forwardEvents } from '../../../../../main/hosts/electron/event-forwarder';
import { realCore } from './support/real-core';

describe('forwardEvents', () => {
  it('sends every core event to the window as { event, payload } and nothing else', async () => {
    const { core } = realCore();
    const sent: EventMessage[] = [];
    forwardEvents({ subscribe: core.subscribe, send: (message) => sent.push(message) });

    await core.dispatch('settings.update', { schedule: { paused: true } });
    core.emit('accounts.changed', {});

    expect(sent).toEqual([
      { event: 'settings.changed', payload: { ...defaultSettings, schedule: { ...defaultSettings.schedule, paused: true } } },
      { event: 'accounts.changed', payload: {} },
    ]);
    for (const message of sent) expect(Object.keys(message).sort()).toEqual(['event', 'payload']);
  });

  it('sends only data that survives structured cloning (no functions, no host objects)', async () => {
    const { core } = realCore();
    const sent: EventMessage[] = [];
    forwardEvents({ subscribe: core.subscribe, send: (message) => sent.push(message) });
    await core.dispatch('settings.update', { appearance: { theme: 'dark' } });
    expect(structuredClone(sent)).toEqual(sent);
  });

  it('stops forwarding once unsubscribed', () => {
    const { core } = realCore();
    const sent: EventMessage[] = [];
    const stop = forwardEvents({ subscribe: core.subscribe, send: (message) => sent.push(message) });
    stop();
    core.emit('accounts.changed', {});
    expect(sent).toEqual([]);
  });

  it('a window that fails to receive does not break other listeners', () => {
    const { core } = realCore();
    const others: string[] = [];
    forwardEvents({ subscribe: core.subscribe, send: () => { throw new Error('window gone'); } });
    core.subscribe((event) => others.push(event));
    core.emit('accounts.changed', {});
    expect(others).toEqual(['accounts.changed']);
  });
});
