import { digest, randomSecret } from './credentials';

export const DEFAULT_SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** More sessions than a household's browsers ever need; beyond it the least recently used one goes. */
const MAX_SESSIONS = 64;

export interface SessionStore {
  /** Starts a session and returns its id, the value of the session cookie. */
  create(): string;
  /** Whether the id names a live session; a live one counts as used now, which postpones its expiry. */
  touch(id: string): boolean;
  revoke(id: string): void;
  clear(): void;
  readonly size: number;
}

export interface SessionStoreOptions {
  idleMs?: number;
  now?: () => number;
}

/**
 * Sessions live in memory only: restarting `kizuna serve` signs every browser out, which is what a user
 * who restarts it to get a fresh link expects. Ids are stored by their SHA-256 digest so that a lookup's
 * timing says nothing about the ids themselves.
 */
export function createSessionStore(options: SessionStoreOptions = {}): SessionStore {
  const idleMs = options.idleMs ?? DEFAULT_SESSION_IDLE_MS;
  const now = options.now ?? Date.now;
  // Map keeps insertion order; touching re-inserts, so the first key is always the least recently used.
  const lastSeen = new Map<string, number>();

  const keyOf = (id: string): string => digest(id).toString('base64');

  const sweep = (): void => {
    const cutoff = now() - idleMs;
    for (const [key, seen] of lastSeen) {
      if (seen > cutoff) break;
      lastSeen.delete(key);
    }
  };

  return {
    create() {
      sweep();
      while (lastSeen.size >= MAX_SESSIONS) {
        const oldest = lastSeen.keys().next().value;
        if (oldest === undefined) break;
        lastSeen.delete(oldest);
      }
      const id = randomSecret();
      lastSeen.set(keyOf(id), now());
      return id;
    },
    touch(id) {
      sweep();
      const key = keyOf(id);
      if (!lastSeen.has(key)) return false;
      lastSeen.delete(key);
      lastSeen.set(key, now());
      return true;
    },
    revoke(id) {
      lastSeen.delete(keyOf(id));
    },
    clear() {
      lastSeen.clear();
    },
    get size() {
      return lastSeen.size;
    },
  };
}

export const SESSION_COOKIE = 'kizuna_session';

/**
 * Every value sent under `name`. Cookies are not separated by port, so another local app (or a second
 * Kizuna) may have set one with the same name; the caller tries each rather than trusting the first.
 */
export function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    if (value) values.push(value);
  }
  return values;
}

/**
 * HttpOnly keeps the id away from page scripts; SameSite=Strict keeps other sites' requests from carrying
 * it. No Max-Age: it ends with the browser, and the server forgets idle sessions on its own. No Secure:
 * the loopback host speaks plain HTTP, where a Secure cookie would never be sent back.
 */
export function sessionCookie(id: string): string {
  return `${SESSION_COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/`;
}

export function expiredSessionCookie(): string {
  return `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`;
}
