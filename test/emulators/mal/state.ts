import type { Clock } from '../common/clock';
import { bearerToken, type EmulatorRequest, type EmulatorResponse } from '../common/http-types';
import type { SeedWorld } from '../seed/world';
import { buildCatalogue, type MalKind, type MalWork } from './catalogue';
import { invalidToken } from './errors';
import { entriesFromSeed, malDateTime, type MalListEntry } from './list-entries';
import { MalOAuthState } from './oauth-state';
import type { MalLimits } from './options';

/** Everything the MAL emulator knows, built from the seed world and then changed only through the API. */
export interface MalState {
  user: { id: number; name: string; joinedAt: string };
  works: Record<MalKind, Map<number, MalWork>>;
  /** The user's lists, keyed by MAL id. */
  lists: Record<MalKind, Map<number, MalListEntry>>;
  oauth: MalOAuthState;
  clock: Clock;
  /** Set once the server listens; picture URLs and paging links are absolute on it. */
  baseUrl: string;
}

export function createMalState(world: SeedWorld, limits: MalLimits, clock: Clock): MalState {
  const works = buildCatalogue(world.titles);
  const lists = entriesFromSeed(world.lists.mal, world.titles);
  // A title on the list must exist in the catalogue; buildCatalogue and entriesFromSeed read the same ids.
  for (const kind of ['anime', 'manga'] as const) for (const id of lists[kind].keys()) if (!works[kind].has(id)) lists[kind].delete(id);
  const oldest = Math.min(clock.now(), ...[...lists.anime.values(), ...lists.manga.values()].map((entry) => entry.updatedAt));
  return {
    user: { id: world.users.mal.id, name: world.users.mal.name, joinedAt: malDateTime(oldest - 86_400_000) },
    works,
    lists,
    oauth: new MalOAuthState(limits, clock),
    clock,
    baseUrl: 'http://127.0.0.1',
  };
}

export type Caller = { ok: true; withUser: boolean } | { ok: false; response: EmulatorResponse };

/**
 * Who is calling. A user token is needed for @me and for list changes; public data also accepts
 * `X-MAL-CLIENT-ID: <client id>` alone (since Nov 2021, API-NOTES.md §4). A bad or expired token is a 401
 * `invalid_token` even when a client id is also sent. With neither header the emulator answers the same
 * 401: the documented error for missing credentials (no public capture of another shape).
 */
export function authenticate(request: EmulatorRequest, state: MalState, needsUser: boolean): Caller {
  const token = bearerToken(request);
  if (token !== null) return state.oauth.isAccessTokenValid(token) ? { ok: true, withUser: true } : { ok: false, response: invalidToken() };
  const clientId = request.headers['x-mal-client-id'];
  if (!needsUser && typeof clientId === 'string' && state.oauth.clients.has(clientId)) return { ok: true, withUser: false };
  return { ok: false, response: invalidToken() };
}
