import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../../../../main/app/event-bus';
import { createLogger } from '../../../../../main/app/logger';
import { createRedactor } from '../../../../../main/app/redact';
import { notifySignInProblems } from '../../../../../main/hosts/electron/sign-in-notices';
import { defaultSettings, type Settings } from '../../../../../shared/contract';

describe('desktop notices for sign-in problems', () => {
  const logger = createLogger({ redactor: createRedactor(), level: 'error', sink: () => undefined });
  const payload = { accountId: 'trakt:yui', service: 'trakt' as const, userName: 'yui', message: 'Trakt no longer accepts the sign-in for yui.' };

  it('notifies when an account needs a new sign-in, only while notifications are on, and stops when unsubscribed', () => {
    const bus = createEventBus(logger);
    let settings: Settings = defaultSettings;
    const shown: Array<[string, string]> = [];
    const stop = notifySignInProblems({ subscribe: bus.subscribe, settings: () => settings, notify: (title, body) => void shown.push([title, body]), logger });
    bus.emit('accounts.changed', {});
    bus.emit('accounts.needsSignIn', payload);
    expect(shown).toEqual([['Kizuna: sign in again', payload.message]]);
    settings = { ...defaultSettings, notifications: { enabled: false } };
    bus.emit('accounts.needsSignIn', payload);
    expect(shown).toHaveLength(1);
    settings = defaultSettings;
    stop();
    bus.emit('accounts.needsSignIn', payload);
    expect(shown).toHaveLength(1);
  });

  it('a failing notification system is logged, not thrown into the event bus', () => {
    const bus = createEventBus(logger);
    notifySignInProblems({ subscribe: bus.subscribe, settings: () => defaultSettings, notify: () => { throw new Error('no daemon'); }, logger });
    expect(() => bus.emit('accounts.needsSignIn', payload)).not.toThrow();
  });
});
