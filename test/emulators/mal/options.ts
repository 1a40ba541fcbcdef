/** An app registered at myanimelist.net/apiconfig. */
export interface MalClient {
  clientId: string;
  /**
   * Only "Web" apps get a secret; "Android, iOS, Other are public clients and don't receive a secret"
   * (API-NOTES.md §4, ZeroCrystal's guide). null marks a public client.
   */
  clientSecret: string | null;
  /** "App Redirect URL"; `redirect_uri` may be left out of the authorize request only when there is one. */
  redirectUris: string[];
  name: string;
}

export interface MalLimits {
  /**
   * Access-token lifetime. The official table says one hour; real token responses have long said
   * `expires_in: 2678400` (31 days, API-NOTES.md §4). The emulator follows the documented hour by default,
   * and `expires_in` always reports whatever this is, so a client that honours `expires_in` works either way.
   */
  accessTokenSeconds: number;
  /** "Refresh Token lifetime: One month." */
  refreshTokenSeconds: number;
  /** How long an authorization code can be exchanged; MAL does not say (league's examples use ten minutes). */
  codeSeconds: number;
  clients: MalClient[];
}

/** The app's built-in demo client: public ("Other"), loopback redirect on a fixed port (exact match, no any-port rule). */
export const demoClient: MalClient = {
  clientId: 'kizuna-demo-mal',
  clientSecret: null,
  redirectUris: ['http://127.0.0.1:47824/callback'],
  name: 'Kizuna (demo)',
};

const defaults: MalLimits = { accessTokenSeconds: 3600, refreshTokenSeconds: 31 * 86_400, codeSeconds: 600, clients: [demoClient] };

/** Reads `limits.mal`; an unknown key or a wrong type is a mistake in the test, so it throws. */
export function malLimits(limits: Record<string, unknown>): MalLimits {
  const result: MalLimits = { ...defaults, clients: [...defaults.clients] };
  for (const [key, value] of Object.entries(limits)) {
    switch (key) {
      case 'accessTokenSeconds':
      case 'refreshTokenSeconds':
      case 'codeSeconds':
        if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) throw new Error(`mal emulator: limits.${key} must be a positive whole number of seconds`);
        result[key] = value;
        break;
      case 'clients':
        if (!Array.isArray(value) || !value.every(isClient)) throw new Error('mal emulator: limits.clients must be a list of { clientId, clientSecret (string or null), redirectUris, name }');
        result.clients = value.map((client) => ({ ...client, redirectUris: [...client.redirectUris] }));
        break;
      default:
        throw new Error(`mal emulator: unknown limit "${key}" (known: accessTokenSeconds, refreshTokenSeconds, codeSeconds, clients)`);
    }
  }
  return result;
}

function isClient(value: unknown): value is MalClient {
  if (typeof value !== 'object' || value === null) return false;
  const client = value as Partial<MalClient>;
  return (
    typeof client.clientId === 'string' &&
    (client.clientSecret === null || typeof client.clientSecret === 'string') &&
    Array.isArray(client.redirectUris) &&
    client.redirectUris.every((uri) => typeof uri === 'string') &&
    typeof client.name === 'string'
  );
}
