import { describe, expect, it } from 'vitest';
import { AppError, defaultSettings } from '../../../../shared/contract';
import { createDispatcher, type Handlers } from '../../../../main/app/dispatcher';
import { createLogger } from '../../../../main/app/logger';
import { createRedactor } from '../../../../main/app/redact';
import { createTestCore } from '../../../support/test-core';

describe('dispatcher', () => {
  it('returns {ok, value} for a good call', async () => {
    const { core } = createTestCore();
    expect(await core.dispatch('settings.get', {})).toEqual({ ok: true, value: defaultSettings });
    expect(await core.dispatch('accounts.list', undefined)).toEqual({ ok: true, value: [] });
  });

  it('gives a validation error with the field path for bad input', async () => {
    const { core } = createTestCore();
    const result = await core.dispatch('settings.update', { schedule: { intervalMinutes: 'soon' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('validation');
    expect(result.error.retryable).toBe(false);
    expect(result.error.issues?.[0]?.path).toBe('schedule.intervalMinutes');
    expect(result.error.message).toContain('schedule.intervalMinutes');
  });

  it('refuses garbage input of any shape without throwing', async () => {
    const { core } = createTestCore();
    for (const input of ['text', 42, [1], { schedule: null }, { __proto__: { polluted: true } }, { appearance: { theme: 'dark', extra: 1 } }]) {
      const result = await core.dispatch('settings.update', input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
    }
    expect(await core.dispatch('app.info', { unexpected: true })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('answers unknown_method for names outside the contract, including prototype names', async () => {
    const { core } = createTestCore();
    for (const name of ['nope.nothing', 'constructor', '__proto__', 'toString', '']) {
      expect(await core.dispatch(name, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });

  it('turns an unexpected error into internal, logs the stack and does not send it', async () => {
    const logged: string[] = [];
    const logger = createLogger({ redactor: createRedactor(), sink: (line) => logged.push(line) });
    const boom = (): never => {
      throw new Error('disk on fire at /secret/path');
    };
    const handlers = { 'app.info': boom, 'settings.get': boom, 'settings.update': boom, 'accounts.list': boom } as unknown as Handlers;
    const result = await createDispatcher(handlers, logger)('settings.get', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', retryable: false } });
    expect(JSON.stringify(result)).not.toContain('disk on fire');
    expect(JSON.stringify(result)).not.toContain('at ');
    expect(logged.join('\n')).toContain('disk on fire');
    expect(logged.join('\n')).toContain('stack');
  });

  it('passes an AppError through as data with its code', async () => {
    const logger = createLogger({ redactor: createRedactor() });
    const refuse = (): never => {
      throw new AppError('rate_limited', 'AniList asks us to wait 30 seconds.');
    };
    const handlers = { 'app.info': refuse, 'settings.get': refuse, 'settings.update': refuse, 'accounts.list': refuse } as unknown as Handlers;
    expect(await createDispatcher(handlers, logger)('accounts.list', {})).toEqual({
      ok: false,
      error: { code: 'rate_limited', message: 'AniList asks us to wait 30 seconds.', retryable: true },
    });
  });

  it('treats output that breaks the contract as internal', async () => {
    const logged: string[] = [];
    const logger = createLogger({ redactor: createRedactor(), sink: (line) => logged.push(line) });
    const wrong = () => ({ not: 'settings' });
    const handlers = { 'app.info': wrong, 'settings.get': wrong, 'settings.update': wrong, 'accounts.list': wrong } as unknown as Handlers;
    expect(await createDispatcher(handlers, logger)('settings.get', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logged.join('\n')).toContain('breaks the contract');
  });

  it('settings.update persists and emits settings.changed with the payload only', async () => {
    const { core } = createTestCore();
    const seen: Array<[string, unknown]> = [];
    core.subscribe((event, payload) => seen.push([event, payload]));
    const result = await core.dispatch('settings.update', { appearance: { theme: 'dark' } });
    expect(result).toMatchObject({ ok: true, value: { appearance: { theme: 'dark' } } });
    expect(await core.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { appearance: { theme: 'dark' } } });
    expect(seen).toEqual([['settings.changed', { ...defaultSettings, appearance: { theme: 'dark' } }]]);
  });

  it('app.info reports version, data folder and the secret-store kind', async () => {
    const { core } = createTestCore();
    expect(await core.dispatch('app.info', {})).toMatchObject({
      ok: true,
      value: { name: 'Kizuna', version: '0.0.0-test', host: 'server', dataDir: '/tmp/kizuna-test', secretStore: { kind: 'encrypted-file' } },
    });
  });
});
