import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../../../main/app/logger';
import { createRedactor } from '../../../../../main/app/redact';
import { chooseSecretStore, parseSecretStorePreference, type ChooseSecretStoreOptions } from '../../../../../main/auth/secrets/choose-secret-store';
import type { KeytarLike } from '../../../../../main/auth/secrets/keychain-secret-store';
import { useTempDirs } from '../../../../support/temp-dir';

const tempDir = useTempDirs();

function fakeKeytar(behaviour: 'works' | 'fails' | 'hangs'): KeytarLike {
  const entries = new Map<string, string>();
  const answer = <T>(value: T): Promise<T> => {
    if (behaviour === 'fails') return Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'));
    if (behaviour === 'hangs') return new Promise(() => undefined);
    return Promise.resolve(value);
  };
  return {
    getPassword: (_s, account) => answer(entries.get(account) ?? null),
    setPassword: (_s, account, password) => answer(void entries.set(account, password)),
    deletePassword: (_s, account) => answer(entries.delete(account)),
    findCredentials: () => answer([]),
  };
}

function options(overrides: Partial<ChooseSecretStoreOptions>): ChooseSecretStoreOptions {
  return {
    dataDir: tempDir(),
    preference: 'auto',
    passphrase: undefined,
    loadKeytar: async () => fakeKeytar('works'),
    redactor: createRedactor(),
    logger: createLogger({ redactor: createRedactor() }),
    keychainTimeoutMs: 50,
    ...overrides,
  };
}

describe('choosing the secret store', () => {
  it('uses the keychain when it answers', async () => {
    expect((await chooseSecretStore(options({}))).kind).toBe('keychain');
  });

  it('falls back to the encrypted file when no keychain answers and a key is set, and says why', async () => {
    const store = await chooseSecretStore(options({ loadKeytar: async () => fakeKeytar('fails'), passphrase: 'a-long-enough-passphrase' }));
    expect(store.kind).toBe('encrypted-file');
    expect(store.detail).toMatch(/no OS keychain answered: Cannot autolaunch D-Bus/);
  });

  it('treats a keychain that never answers as missing', async () => {
    const store = await chooseSecretStore(options({ loadKeytar: async () => fakeKeytar('hangs'), passphrase: 'a-long-enough-passphrase' }));
    expect(store.kind).toBe('encrypted-file');
    expect(store.detail).toMatch(/no answer within 50 ms/);
  });

  it('treats a keychain module that cannot load as missing', async () => {
    const store = await chooseSecretStore(options({ loadKeytar: async () => Promise.reject(new Error('libsecret-1.so.0: cannot open shared object file')) }));
    expect(store.kind).toBe('unavailable');
    expect(store.detail).toMatch(/libsecret.*KIZUNA_SECRET_KEY is not set/s);
    await expect(store.set('k', 'v')).rejects.toThrow(/cannot keep sign-ins/);
    expect(await store.get('k')).toBeNull();
  });

  it('uses the encrypted file only when chosen, even with a working keychain', async () => {
    const store = await chooseSecretStore(options({ preference: 'encrypted-file', passphrase: 'a-long-enough-passphrase' }));
    expect(store.kind).toBe('encrypted-file');
    expect(store.detail).toMatch(/chosen with KIZUNA_SECRET_STORE=encrypted-file/);
  });

  it('does not fall back when the keychain was explicitly chosen', async () => {
    const store = await chooseSecretStore(options({ preference: 'keychain', loadKeytar: async () => fakeKeytar('fails'), passphrase: 'a-long-enough-passphrase' }));
    expect(store.kind).toBe('unavailable');
  });

  it('registers every secret it handles with the log redactor', async () => {
    const redactor = createRedactor();
    const store = await chooseSecretStore(options({ redactor }));
    await store.set('trakt:1', 'trakt-access-token-1234');
    expect(redactor.redact('sent trakt-access-token-1234 to trakt')).toBe('sent [redacted] to trakt');
  });

  it('parses KIZUNA_SECRET_STORE', () => {
    expect(parseSecretStorePreference(undefined)).toBe('auto');
    expect(parseSecretStorePreference('encrypted-file')).toBe('encrypted-file');
    expect(() => parseSecretStorePreference('plaintext')).toThrow(/must be "auto", "keychain" or "encrypted-file"/);
  });
});
