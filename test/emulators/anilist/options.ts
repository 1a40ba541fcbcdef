/**
 * The AniList emulator's own keys in `ServiceOptions.limits`, read once and checked, so a typo in a test's
 * limits fails loudly instead of silently running with the defaults.
 */

/** An API client as registered on https://anilist.co/settings/developer: one id, one secret, one redirect URL. */
export interface AnilistClient {
  id: string;
  secret: string;
  /** Matched exactly (API-NOTES §1 "Redirect URL": "must exactly match"). */
  redirectUri: string;
  name: string;
}

/** The redirect URL that makes AniList show the token for copy-paste (API-NOTES §1 "Pin redirect"). */
export const REAL_PIN_URL = 'https://anilist.co/api/v2/oauth/pin';

/**
 * Registered clients when a test names none. `kizuna-demo` is what `npm run demo` and the app's emulator
 * profile use: secret `kizuna-demo-secret`, redirect `http://127.0.0.1:47824/callback` (a fixed loopback port,
 * because AniList matches redirect URLs exactly). `kizuna-demo-pin` is registered with the pin URL instead.
 */
export const defaultClients: readonly AnilistClient[] = [
  { id: 'kizuna-demo', secret: 'kizuna-demo-secret', redirectUri: 'http://127.0.0.1:47824/callback', name: 'Kizuna (demo)' },
  { id: 'kizuna-demo-pin', secret: 'kizuna-demo-pin-secret', redirectUri: REAL_PIN_URL, name: 'Kizuna (demo, pin)' },
];

export interface AnilistLimits {
  /** Nominal requests per minute, also what X-RateLimit-Limit says (API-NOTES §1: 90). */
  perMinute: number;
  /** The docs' "degraded state": the limit is really `degradedPerMinute` while the headers still count from `perMinute`. */
  degraded: boolean;
  degradedPerMinute: number;
  /** How long a client is shut out after going over (API-NOTES §1: "a 1-minute timeout"). */
  timeoutSeconds: number;
  /** webonyx QueryComplexity maximum (API-NOTES §1: 500). */
  maxComplexity: number;
  /** The API's "temporarily disabled" state: every GraphQL request gets the 403 (API-NOTES §1 "API disabled"). */
  disabled: boolean;
  clients: AnilistClient[];
}

const known = new Set(['perMinute', 'degraded', 'degradedPerMinute', 'timeoutSeconds', 'maxComplexity', 'disabled', 'clients']);

export function readLimits(limits: Record<string, unknown>): AnilistLimits {
  for (const key of Object.keys(limits)) {
    if (!known.has(key)) throw new Error(`anilist emulator: unknown limit "${key}" (known: ${[...known].join(', ')})`);
  }
  return {
    perMinute: positiveInt(limits, 'perMinute', 90),
    degraded: bool(limits, 'degraded', false),
    degradedPerMinute: positiveInt(limits, 'degradedPerMinute', 30),
    timeoutSeconds: positiveInt(limits, 'timeoutSeconds', 60),
    maxComplexity: positiveInt(limits, 'maxComplexity', 500),
    disabled: bool(limits, 'disabled', false),
    clients: clients(limits.clients),
  };
}

function positiveInt(limits: Record<string, unknown>, key: string, fallback: number): number {
  const value = limits[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new Error(`anilist emulator: limit "${key}" must be a positive integer, got ${JSON.stringify(value)}`);
  }
  return value;
}

function bool(limits: Record<string, unknown>, key: string, fallback: boolean): boolean {
  const value = limits[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new Error(`anilist emulator: limit "${key}" must be a boolean`);
  return value;
}

function clients(value: unknown): AnilistClient[] {
  if (value === undefined) return defaultClients.map((client) => ({ ...client }));
  if (!Array.isArray(value) || value.length === 0) throw new Error('anilist emulator: "clients" must be a non-empty array');
  return value.map((raw, index) => {
    const client = raw as Partial<AnilistClient>;
    for (const key of ['id', 'secret', 'redirectUri'] as const) {
      if (typeof client[key] !== 'string' || client[key] === '') throw new Error(`anilist emulator: clients[${index}].${key} must be a non-empty string`);
    }
    return { id: client.id!, secret: client.secret!, redirectUri: client.redirectUri!, name: client.name ?? client.id! };
  });
}
