import { describe, expectTypeOf, it } from 'vitest';
import type { Account, AppInfo, Client, EventPayload, MethodInput, MethodName, MethodOutput, Methods, Result, RpcError, Settings, SettingsPatch } from '../../../shared/contract';

describe('contract types', () => {
  it('pins the method names', () => {
    expectTypeOf<MethodName>().toEqualTypeOf<'app.info' | 'settings.get' | 'settings.update' | 'accounts.list'>();
  });

  it('pins inputs and outputs', () => {
    expectTypeOf<MethodInput<'app.info'>>().toEqualTypeOf<Record<string, never> | undefined>();
    expectTypeOf<MethodOutput<'app.info'>>().toEqualTypeOf<AppInfo>();
    expectTypeOf<MethodOutput<'settings.get'>>().toEqualTypeOf<Settings>();
    expectTypeOf<MethodInput<'settings.update'>>().toEqualTypeOf<SettingsPatch>();
    expectTypeOf<MethodOutput<'accounts.list'>>().toEqualTypeOf<Account[]>();
    expectTypeOf<AppInfo['secretStore']['kind']>().toEqualTypeOf<'keychain' | 'encrypted-file' | 'unavailable'>();
    expectTypeOf<Settings['appearance']['theme']>().toEqualTypeOf<'system' | 'light' | 'dark'>();
  });

  it('pins events and results', () => {
    expectTypeOf<EventPayload<'settings.changed'>>().toEqualTypeOf<Settings>();
    expectTypeOf<Result<number>>().toEqualTypeOf<{ ok: true; value: number } | { ok: false; error: RpcError }>();
    expectTypeOf<RpcError['code']>().toEqualTypeOf<
      'validation' | 'unknown_method' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited' | 'network' | 'timeout' | 'unavailable' | 'too_large' | 'internal'
    >();
  });

  it('makes the client derive its types from the contract', () => {
    expectTypeOf<ReturnType<Client['call']>>().toEqualTypeOf<Promise<AppInfo | Settings | Account[]>>();
    const call = {} as Client['call'];
    expectTypeOf(call('settings.get')).toEqualTypeOf<Promise<Settings>>();
    expectTypeOf(call('settings.update', { schedule: { paused: true } })).toEqualTypeOf<Promise<Settings>>();
    // @ts-expect-error an unknown method is a compile error
    void call('settings.delete');
    // @ts-expect-error a wrong field type is a compile error
    void call('settings.update', { schedule: { paused: 'yes' } });
    // @ts-expect-error settings.update needs its input
    void call('settings.update');
  });
});

describe('method-names.ts and methods.ts', () => {
  it('name exactly the same methods', () => {
    expectTypeOf<keyof Methods>().toEqualTypeOf<MethodName>();
  });
});
