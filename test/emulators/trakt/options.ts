/**
 * The Trakt emulator's own `options.limits` keys. Defaults follow ../shared/API-NOTES.md §3 and "Trakt policy
 * changes in 2026"; every key is checked so a typo in a test fails loudly instead of silently using a default.
 */

export interface TraktClient {
  id: string;
  secret: string;
  /** Exact matches only: Trakt documents no RFC 8252 any-port loopback matching (API-NOTES §3 "Redirect URIs"). */
  redirectUris: string[];
}

export interface TraktLimits {
  /** Registered API apps; `trakt-api-key` must be one of their ids. */
  clients: TraktClient[];
  /** AUTHED_API_POST_LIMIT: POST/PUT/DELETE per user per second (docs.trakt.tv/docs/rate-limiting). */
  writesPerSecond: number;
  /** AUTHED_API_GET_LIMIT per user and UNAUTHED_API_GET_LIMIT per app, per 5 minutes (same page; staff said 500). */
  readsPer5Min: number;
  /** Answer rate-limit hits the way Cloudflare does: HTML, `Retry-After: 300`, no `X-Ratelimit` (API-NOTES 2026). */
  cloudflare: boolean;
  /** "The access_token is valid for 7 days" (spec, POST /oauth/device/token); use created_at + expires_in. */
  accessTokenSeconds: number;
  /** Device codes: Trakt's documented example answers expires_in 600 and interval 5. */
  deviceCodeSeconds: number;
  deviceIntervalSeconds: number;
  /** Authorization codes live 10 minutes (Doorkeeper's default; Trakt's auth host runs Doorkeeper, trakt-api#48). */
  authorizationCodeSeconds: number;
  /** Overrides the seed user's watchlist limit (free 250, VIP 5,000 per the 2026 limits; read /users/settings). */
  watchlistLimit: number | null;
}

export const defaultTraktClient: TraktClient = {
  id: 'kizuna-demo-trakt',
  secret: 'kizuna-demo-trakt-secret',
  redirectUris: ['http://127.0.0.1:47824/callback'],
};

const defaults: TraktLimits = {
  clients: [defaultTraktClient],
  writesPerSecond: 1,
  readsPer5Min: 1000,
  cloudflare: false,
  accessTokenSeconds: 7 * 24 * 60 * 60,
  deviceCodeSeconds: 600,
  deviceIntervalSeconds: 5,
  authorizationCodeSeconds: 600,
  watchlistLimit: null,
};

const numberKeys = ['writesPerSecond', 'readsPer5Min', 'accessTokenSeconds', 'deviceCodeSeconds', 'deviceIntervalSeconds', 'authorizationCodeSeconds'] as const;

export function parseTraktLimits(raw: Record<string, unknown>): TraktLimits {
  const limits: TraktLimits = { ...defaults, clients: [...defaults.clients] };
  for (const [key, value] of Object.entries(raw)) {
    if ((numberKeys as readonly string[]).includes(key)) {
      if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new Error(`trakt limits: ${key} must be a positive number, got ${JSON.stringify(value)}`);
      limits[key as (typeof numberKeys)[number]] = value;
    } else if (key === 'cloudflare') {
      if (typeof value !== 'boolean') throw new Error(`trakt limits: cloudflare must be true or false, got ${JSON.stringify(value)}`);
      limits.cloudflare = value;
    } else if (key === 'watchlistLimit') {
      if (value !== null && (typeof value !== 'number' || !Number.isInteger(value) || value < 0)) throw new Error(`trakt limits: watchlistLimit must be a whole number or null, got ${JSON.stringify(value)}`);
      limits.watchlistLimit = value;
    } else if (key === 'clients') {
      limits.clients = parseClients(value);
    } else {
      throw new Error(`trakt limits: unknown key "${key}" (known: ${[...numberKeys, 'cloudflare', 'watchlistLimit', 'clients'].join(', ')})`);
    }
  }
  return limits;
}

function parseClients(value: unknown): TraktClient[] {
  if (!Array.isArray(value) || value.length === 0) throw new Error('trakt limits: clients must be a non-empty array of { id, secret, redirectUris }');
  return value.map((entry, index) => {
    const client = entry as Partial<TraktClient> | null;
    const ok =
      client !== null &&
      typeof client === 'object' &&
      typeof client.id === 'string' &&
      typeof client.secret === 'string' &&
      Array.isArray(client.redirectUris) &&
      client.redirectUris.every((uri) => typeof uri === 'string');
    if (!ok) throw new Error(`trakt limits: clients[${index}] must be { id: string, secret: string, redirectUris: string[] }`);
    return { id: client.id as string, secret: client.secret as string, redirectUris: [...(client.redirectUris as string[])] };
  });
}
