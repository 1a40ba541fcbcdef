import { describe, expectTypeOf, it } from 'vitest';
import type { Account, AppInfo, Client, EventPayload, MethodInput, MethodName, MethodOutput, Methods, Result, RpcError, Settings, SettingsPatch, SyncPlan, RunResult } from '../../../shared/contract';

describe('contract types', () => {
  it('pins the method names', () => {
    expectTypeOf<MethodName>().toEqualTypeOf<
      | 'app.info'
      | 'settings.get'
      | 'settings.update'
      | 'accounts.list'
      | 'accounts.connect'
      | 'accounts.cancel'
      | 'accounts.connectWithToken'
      | 'accounts.disconnect'
      | 'clients.list'
      | 'clients.set'
      | 'clients.reset'
      | 'plex.servers'
      | 'plex.selectServer'
      | 'plex.setLibrary'
      | 'review.list'
      | 'review.decide'
      | 'review.search'
      | 'overrides.list'
      | 'overrides.delete'
      | 'overrides.export'
      | 'overrides.import'
      | 'mapping.status'
      | 'mapping.update'
      | 'sync.status'
      | 'sync.plan'
      | 'sync.run'
      | 'sync.runs'
      | 'sync.journal'
      | 'sync.undo'
      | 'sync.backups'
      | 'sync.restore'
      | 'sync.resolveConflict'
      | 'sync.outbox'
      | 'sync.edit'
      | 'sync.pause'
      | 'sync.resume'
      | 'library.list'
      | 'watchlist.list'
      | 'watchlist.search'
      | 'watchlist.add'
      | 'watchlist.remove'
      | 'watchlist.import'
    >();
  });

  it('pins inputs and outputs', () => {
    expectTypeOf<MethodInput<'app.info'>>().toEqualTypeOf<Record<string, never> | undefined>();
    expectTypeOf<MethodOutput<'app.info'>>().toEqualTypeOf<AppInfo>();
    expectTypeOf<MethodOutput<'settings.get'>>().toEqualTypeOf<Settings>();
    expectTypeOf<MethodInput<'settings.update'>>().toEqualTypeOf<SettingsPatch>();
    expectTypeOf<MethodOutput<'accounts.list'>>().toEqualTypeOf<Account[]>();
    expectTypeOf<MethodOutput<'sync.plan'>>().toEqualTypeOf<SyncPlan>();
    expectTypeOf<MethodOutput<'sync.run'>>().toEqualTypeOf<RunResult>();
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
    const call = {} as Client['call'];
    expectTypeOf(call('accounts.list')).toEqualTypeOf<Promise<Account[]>>();
    expectTypeOf(call('accounts.connect', { service: 'trakt' })).toEqualTypeOf<Promise<{ attemptId: string }>>();
    expectTypeOf(call('accounts.connectWithToken', { service: 'anilist', token: 'x' })).toEqualTypeOf<Promise<Account>>();
    expectTypeOf<EventPayload<'auth.finished'>['outcome']>().toEqualTypeOf<'connected' | 'failed' | 'cancelled'>();
    expectTypeOf<Account['status']>().toEqualTypeOf<'connected' | 'needs-sign-in'>();
    // @ts-expect-error MAL has one sign-in method; naming another is a compile error
    void call('accounts.connect', { service: 'mal', method: 'pin' });
    // @ts-expect-error a Plex token needs the server's address
    void call('accounts.connectWithToken', { service: 'plex', token: 'x' });
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
