import { join } from 'node:path';
import { AppError } from '../../../shared/contract';
import type { Logger, SecretStore } from '../../app/ports';
import type { Redactor } from '../../app/redact';
import { createEncryptedFileSecretStore, SECRETS_FILE_NAME } from './encrypted-file-secret-store';
import { createKeychainSecretStore, probeKeychain, type KeytarLike } from './keychain-secret-store';

export type SecretStorePreference = 'auto' | 'keychain' | 'encrypted-file';

export interface ChooseSecretStoreOptions {
  dataDir: string;
  /** From KIZUNA_SECRET_STORE; `auto` tries the keychain first. */
  preference: SecretStorePreference;
  /** From KIZUNA_SECRET_KEY. */
  passphrase: string | undefined;
  loadKeytar: () => Promise<KeytarLike>;
  redactor: Redactor;
  logger: Logger;
  keychainTimeoutMs?: number;
}

export function parseSecretStorePreference(value: string | undefined): SecretStorePreference {
  if (value === undefined || value === '' || value === 'auto') return 'auto';
  if (value === 'keychain' || value === 'encrypted-file') return value;
  throw new AppError('validation', `KIZUNA_SECRET_STORE must be "auto", "keychain" or "encrypted-file", not "${value}".`);
}

/**
 * The OS keychain unless the user chose the encrypted file or no keychain answers. With neither, the app
 * still runs and says why it cannot keep sign-ins.
 */
export async function chooseSecretStore(options: ChooseSecretStoreOptions): Promise<SecretStore> {
  const file = join(options.dataDir, SECRETS_FILE_NAME);
  const encrypted = (reason: string): SecretStore => {
    if (!options.passphrase) {
      return unavailableSecretStore(`${sentenceCase(reason)}, and KIZUNA_SECRET_KEY is not set. Set KIZUNA_SECRET_KEY to a long random value to keep sign-ins in an encrypted file.`);
    }
    return createEncryptedFileSecretStore(file, options.passphrase, reason);
  };

  let store: SecretStore;
  if (options.preference === 'encrypted-file') {
    store = encrypted('chosen with KIZUNA_SECRET_STORE=encrypted-file');
  } else {
    const failure = await options
      .loadKeytar()
      .then((keytar) => probeKeychain(keytar, undefined, options.keychainTimeoutMs).then((reason) => ({ keytar, reason })))
      .catch((error: unknown) => ({ keytar: undefined, reason: `the keychain module could not be loaded: ${(error as Error).message}` }));
    if (failure.keytar && failure.reason === null) {
      store = createKeychainSecretStore(failure.keytar);
    } else if (options.preference === 'keychain') {
      store = unavailableSecretStore(`The OS keychain did not answer (${failure.reason}). Unlock or install a keychain, or set KIZUNA_SECRET_STORE=encrypted-file with KIZUNA_SECRET_KEY.`);
    } else {
      options.logger.warn('no OS keychain answered', { reason: failure.reason });
      store = encrypted(`no OS keychain answered: ${failure.reason}`);
    }
  }
  options.logger.info('secret store chosen', { kind: store.kind });
  return withRedaction(store, options.redactor);
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function unavailableSecretStore(detail: string): SecretStore {
  return {
    kind: 'unavailable',
    detail,
    get: async () => null,
    set: async () => {
      throw new AppError('unavailable', `Kizuna cannot keep sign-ins on this machine. ${detail}`);
    },
    delete: async () => false,
  };
}

/** Every secret that passes through is registered with the log redactor, so it can never be logged. */
export function withRedaction(store: SecretStore, redactor: Redactor): SecretStore {
  return {
    kind: store.kind,
    detail: store.detail,
    async get(key) {
      const value = await store.get(key);
      if (value) redactor.register(value);
      return value;
    },
    async set(key, value) {
      redactor.register(value);
      await store.set(key, value);
    },
    delete: (key) => store.delete(key),
  };
}
