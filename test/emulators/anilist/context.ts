import type { Clock } from '../common/clock';
import { bearerToken, type EmulatorRequest } from '../common/http-types';
import { invalidToken, unauthorized } from './errors';
import type { AnilistState, UserRecord } from './state';
import type { TokenCheck } from './tokens';

/** What every resolver gets: the state, who is asking, and the request's clock and host. */
export interface ResolverContext {
  state: AnilistState;
  auth: TokenCheck;
  /** Unix seconds when the request arrived; all of one request's writes share it. */
  nowSeconds: number;
  /** The emulator's own origin, for cover and site URLs. */
  baseUrl: string;
}

/** Who is asking is settled once per request, from the Authorization header and the token table. */
export function createContext(request: EmulatorRequest, state: AnilistState, clock: Clock, baseUrl: string): ResolverContext {
  return { state, auth: state.tokens.check(bearerToken(request)), nowSeconds: Math.floor(clock.now() / 1000), baseUrl };
}

/** The signed-in user, or null for an anonymous request (a bad token never gets this far: see rootGuard). */
export function viewerOf(context: ResolverContext): UserRecord | null {
  return context.auth.kind === 'valid' ? (context.state.users.get(context.auth.userId) ?? null) : null;
}

export function requireViewer(context: ResolverContext): UserRecord {
  const viewer = viewerOf(context);
  if (!viewer) throw unauthorized();
  return viewer;
}

/**
 * Runs before every root field. A token that was sent but is unknown, revoked or expired fails the field
 * even on public queries: AniList answered an expired token on MediaListCollection with "Invalid token" and
 * `data: {"MediaListCollection": null}` (z411/trackma#555), so the check belongs to field resolution, not
 * to the HTTP layer.
 */
export function rootGuard(context: ResolverContext, isMutation: boolean): void {
  if (context.auth.kind === 'invalid') throw invalidToken();
  // docs.anilist.co/guide/graphql/mutations: "All mutations require authentication".
  if (isMutation) requireViewer(context);
}
