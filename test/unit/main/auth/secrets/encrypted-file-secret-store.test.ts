import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEncryptedFileSecretStore } from '../../../../../main/auth/secrets/encrypted-file-secret-store';
import { useTempDirs } from '../../../../support/temp-dir';

const tempDir = useTempDirs();
const passphrase = 'correct horse battery staple';
const token = 'eyJhbGciOiJSUzI1NiJ9.anilist-access-token-value';

describe('encrypted-file secret store', () => {
  it('sets, gets and deletes, and the values survive a restart of the store', async () => {
    const file = join(tempDir(), 'secrets.enc.json');
    const store = createEncryptedFileSecretStore(file, passphrase, 'test');
    expect(store.kind).toBe('encrypted-file');
    expect(await store.get('anilist:1')).toBeNull();
    await store.set('anilist:1', token);
    await store.set('mal:2', 'mal-refresh-token-value');
    expect(await store.get('anilist:1')).toBe(token);

    const restarted = createEncryptedFileSecretStore(file, passphrase, 'test');
    expect(await restarted.get('anilist:1')).toBe(token);
    expect(await restarted.delete('anilist:1')).toBe(true);
    expect(await restarted.delete('anilist:1')).toBe(false);
    expect(await createEncryptedFileSecretStore(file, passphrase, 'test').get('anilist:1')).toBeNull();
    expect(await createEncryptedFileSecretStore(file, passphrase, 'test').get('mal:2')).toBe('mal-refresh-token-value');
  });

  it('keeps neither the values nor their names readable in the file, and only the owner may read it', async () => {
    const file = join(tempDir(), 'secrets.enc.json');
    await createEncryptedFileSecretStore(file, passphrase, 'test').set('anilist:1', token);
    const bytes = readFileSync(file);
    for (const needle of [token, 'anilist:1', passphrase, Buffer.from(token).toString('base64')]) expect(bytes.includes(needle)).toBe(false);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses the wrong key clearly and leaves the file as it was', async () => {
    const file = join(tempDir(), 'secrets.enc.json');
    await createEncryptedFileSecretStore(file, passphrase, 'test').set('anilist:1', token);
    const before = readFileSync(file);
    const wrong = createEncryptedFileSecretStore(file, 'another sixteen+ chars', 'test');
    await expect(wrong.get('anilist:1')).rejects.toThrow(/KIZUNA_SECRET_KEY does not open/);
    await expect(wrong.set('x', 'y')).rejects.toThrow(/KIZUNA_SECRET_KEY does not open/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a damaged file and leaves it as it was', async () => {
    const file = join(tempDir(), 'secrets.enc.json');
    writeFileSync(file, '{"format":"kizuna-secrets","version":1,');
    const store = createEncryptedFileSecretStore(file, passphrase, 'test');
    await expect(store.set('a', 'b')).rejects.toThrow(/damaged/);
    expect(readFileSync(file, 'utf8')).toBe('{"format":"kizuna-secrets","version":1,');
  });

  it('refuses a short key', () => {
    expect(() => createEncryptedFileSecretStore(join(tempDir(), 's'), 'short', 'test')).toThrow(/at least 16 characters/);
  });
});
