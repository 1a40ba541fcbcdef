import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect } from 'vitest';
import { bootstrap, loadKeytar } from '../../main/app/bootstrap';
import { KEYCHAIN_SERVICE, probeKeychain } from '../../main/auth/secrets/keychain-secret-store';
import { itWhen, requirement } from '../support/environment';
import { useTempDirs } from '../support/temp-dir';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const tempDir = useTempDirs();

const missing = await loadKeytar()
  .then((keytar) => probeKeychain(keytar))
  .catch((error: unknown) => (error as Error).message);
const keychain = requirement('The OS keychain (Secret Service)', missing, 'Install gnome-keyring and dbus, then run the tests through scripts/with-keyring.sh (as .ci/run does).');
const itWithKeychain = itWhen(keychain.available, keychain.skipNote);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

describe('secrets in the real OS keychain', () => {
  itWithKeychain('sets, gets and deletes; survives a restart; never lands in the data folder or the logs', async () => {
    const dataDir = tempDir();
    const key = `test:${randomBytes(4).toString('hex')}`;
    const secret = `kz-secret-${randomBytes(16).toString('hex')}`;
    const env = { KIZUNA_SECRET_STORE: 'keychain' };

    const core = await bootstrap({ host: 'cli', dataDir, env });
    try {
      expect(core.ports.secrets.kind).toBe('keychain');
      expect(await core.dispatch('app.info', {})).toMatchObject({ ok: true, value: { secretStore: { kind: 'keychain' } } });
      await core.ports.secrets.set(key, secret);
      expect(await core.ports.secrets.get(key)).toBe(secret);
      // Code that carelessly logs a token must still not leak it.
      core.ports.logger.error('token refresh failed', { token: secret, url: `https://example.test/cb?access_token=${secret}` });
    } finally {
      core.close();
    }

    const child = execFileSync(process.execPath, ['--import', 'tsx', 'test/support/read-secret-in-child.ts', dataDir, key], { cwd: projectRoot, env: { ...process.env, ...env }, encoding: 'utf8' });
    expect(JSON.parse(child)).toEqual({ kind: 'keychain', value: secret });

    const reopened = await bootstrap({ host: 'cli', dataDir, env });
    try {
      expect(await reopened.ports.secrets.delete(key)).toBe(true);
      expect(await reopened.ports.secrets.get(key)).toBeNull();
      expect(await reopened.ports.secrets.delete(key)).toBe(false);
    } finally {
      reopened.close();
    }

    const files = filesUnder(dataDir);
    expect(files.some((path) => path.endsWith('kizuna.log'))).toBe(true);
    const needles = [secret, Buffer.from(secret).toString('base64'), Buffer.from(secret, 'utf16le').toString('latin1')];
    for (const path of files) {
      const bytes = readFileSync(path);
      for (const needle of needles) expect(bytes.includes(Buffer.from(needle, 'latin1')), `${needle} found in ${path}`).toBe(false);
    }
  });

  itWithKeychain('keeps entries under the Kizuna service name', async () => {
    const keytar = await loadKeytar();
    const key = `test:${randomBytes(4).toString('hex')}`;
    await keytar.setPassword(KEYCHAIN_SERVICE, key, 'value-for-listing');
    try {
      expect((await keytar.findCredentials(KEYCHAIN_SERVICE)).map((c) => c.account)).toContain(key);
    } finally {
      await keytar.deletePassword(KEYCHAIN_SERVICE, key);
    }
  });
});
