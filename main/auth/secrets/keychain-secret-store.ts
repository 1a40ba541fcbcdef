import type { SecretStore } from '../../app/ports';

/** The part of keytar we use; the Electron host hands in its Electron-ABI build with the same shape. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

export const KEYCHAIN_SERVICE = 'Kizuna';

function keychainName(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'the macOS Keychain';
  if (platform === 'win32') return 'the Windows Credential Manager';
  return 'the system keyring (Secret Service)';
}

export function createKeychainSecretStore(keytar: KeytarLike, service = KEYCHAIN_SERVICE, platform = process.platform): SecretStore {
  return {
    kind: 'keychain',
    detail: `Sign-in tokens are kept in ${keychainName(platform)}.`,
    get: (key) => keytar.getPassword(service, key),
    set: (key, value) => keytar.setPassword(service, key, value),
    delete: (key) => keytar.deletePassword(service, key),
  };
}

/** Resolves with null when the keychain answers, or with the reason it does not, within `timeoutMs`. */
export async function probeKeychain(keytar: KeytarLike, service = KEYCHAIN_SERVICE, timeoutMs = 3000): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs);
  });
  try {
    return await Promise.race([keytar.findCredentials(service).then(() => null), timeout]);
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    clearTimeout(timer);
  }
}
