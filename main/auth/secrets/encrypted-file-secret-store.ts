import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/contract';
import type { SecretStore } from '../../app/ports';

export const SECRETS_FILE_NAME = 'secrets.enc.json';
const MIN_KEY_LENGTH = 16;

const fileSchema = z.object({
  format: z.literal('kizuna-secrets'),
  version: z.literal(1),
  kdf: z.literal('scrypt'),
  salt: z.string(),
  iv: z.string(),
  tag: z.string(),
  data: z.string(),
});

/**
 * Secrets in one AES-256-GCM blob (names included) keyed by scrypt from a passphrase the user supplies
 * through KIZUNA_SECRET_KEY. For headless machines with no keychain. A wrong key or a damaged file is
 * reported and the file is never overwritten.
 */
export function createEncryptedFileSecretStore(file: string, passphrase: string, reason: string): SecretStore {
  if (passphrase.length < MIN_KEY_LENGTH) {
    throw new AppError('validation', `KIZUNA_SECRET_KEY must be at least ${MIN_KEY_LENGTH} characters long. Choose a long random value and keep it safe.`);
  }
  let cache: Map<string, string> | undefined;
  let salt: Buffer | undefined;
  let key: Buffer | undefined;

  const load = (): Map<string, string> => {
    if (cache) return cache;
    if (!existsSync(file)) {
      salt = randomBytes(16);
      key = scryptSync(passphrase, salt, 32);
      cache = new Map();
      return cache;
    }
    const parsed = fileSchema.safeParse(safeJson(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new AppError('unavailable', `The secrets file ${file} is damaged. It has not been changed; move it away and sign in again.`);
    salt = Buffer.from(parsed.data.salt, 'base64');
    key = scryptSync(passphrase, salt, 32);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(parsed.data.iv, 'base64'));
      decipher.setAuthTag(Buffer.from(parsed.data.tag, 'base64'));
      const plain = Buffer.concat([decipher.update(Buffer.from(parsed.data.data, 'base64')), decipher.final()]);
      cache = new Map(Object.entries(z.record(z.string(), z.string()).parse(JSON.parse(plain.toString('utf8')))));
      return cache;
    } catch {
      throw new AppError('unavailable', `KIZUNA_SECRET_KEY does not open ${file}. Set the key used when these secrets were saved; the file has not been changed.`);
    }
  };

  const save = (entries: Map<string, string>): void => {
    if (!key || !salt) throw new Error('secret store key not derived');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const data = Buffer.concat([cipher.update(JSON.stringify(Object.fromEntries(entries)), 'utf8'), cipher.final()]);
    const body = { format: 'kizuna-secrets', version: 1, kdf: 'scrypt', salt: salt.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.tmp-${process.pid}`;
    writeFileSync(temp, JSON.stringify(body), { mode: 0o600 });
    renameSync(temp, file);
  };

  return {
    kind: 'encrypted-file',
    detail: `Sign-in tokens are kept in ${file}, encrypted with the key in KIZUNA_SECRET_KEY (${reason}).`,
    async get(name) {
      return load().get(name) ?? null;
    },
    async set(name, value) {
      const entries = new Map(load());
      entries.set(name, value);
      save(entries);
      cache = entries;
    },
    async delete(name) {
      const entries = new Map(load());
      const existed = entries.delete(name);
      if (existed) save(entries);
      cache = entries;
      return existed;
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
