import type { SecretStore } from '../../main/app/ports';

/** A secret store in a Map the test can search (for tokens that must not leak elsewhere) and change. */
export function memorySecretStore(): { store: SecretStore; secrets: Map<string, string> } {
  const secrets = new Map<string, string>();
  const store: SecretStore = {
    kind: 'encrypted-file',
    detail: 'in memory for tests',
    get: async (key) => secrets.get(key) ?? null,
    set: async (key, value) => void secrets.set(key, value),
    delete: async (key) => secrets.delete(key),
  };
  return { store, secrets };
}
