import { bearerToken, text, type EmulatorRequest, type EmulatorResponse } from '../common/http-types';
import type { ServiceOptions } from '../common/options';
import type { ServiceDefinition } from '../common/service';
import type { SeedWorld } from '../seed/world';
import { handleGraphql, tooManyRequests, type GraphqlDeps } from './graphql-endpoint';
import { handleImage } from './images';
import { OAuthServer } from './oauth';
import { readLimits, type AnilistLimits } from './options';
import { RateLimiter } from './rate-limit';
import { stateFromWorld } from './seed-state';
import type { AnilistState } from './state';

/**
 * The AniList emulator: graphql.anilist.co and anilist.co/api/v2/oauth on one local host.
 *
 * - `POST /graphql` (and `POST /`, as the real host serves GraphQL at its root): the real schema, real
 *   errors, complexity cap and rate limits. See graphql-endpoint.ts.
 * - `/api/v2/oauth/authorize|token|pin`: sign-in. See oauth.ts; registered clients in options.ts.
 * - `/covers/…`, `/avatars/…`: generated images.
 *
 * `options.limits` keys: perMinute, degraded, degradedPerMinute, timeoutSeconds, maxComplexity, disabled, clients.
 */

export interface AnilistService extends ServiceDefinition {
  state: AnilistState;
  limits: AnilistLimits;
  /** A token for the world's user without going through the sign-in pages (tests that are not about OAuth). */
  issueToken(userId?: number, clientId?: string): string;
}

export function createAnilistService(world: SeedWorld, options: ServiceOptions): AnilistService {
  const limits = readLimits(options.limits);
  const state = stateFromWorld(world, options.clock);
  let baseUrl = 'http://127.0.0.1';
  const deps: GraphqlDeps = { state, limits, clock: options.clock, limiter: new RateLimiter(limits, options.clock), baseUrl: () => baseUrl };
  const oauth = new OAuthServer({ state, clients: limits.clients, clock: options.clock, autoApprove: options.autoApprove, baseUrl: () => baseUrl });

  const handle = async (request: EmulatorRequest): Promise<EmulatorResponse> => {
    const path = request.url.pathname;
    if (path === '/graphql' || path === '/') {
      if (request.method === 'POST' || request.method === 'GET') return handleGraphql(request, deps);
      return { ...text(405, 'Method Not Allowed'), headers: { 'content-type': 'text/plain; charset=utf-8', allow: 'GET, POST' } };
    }
    return oauth.handle(request) ?? handleImage(request, state) ?? text(404, 'Not Found');
  };

  return {
    name: 'anilist',
    state,
    limits,
    handle,
    tooManyRequests: (request) => tooManyRequests(request, deps),
    expireToken: (request) => {
      const token = bearerToken(request);
      if (token) state.tokens.expire(token);
    },
    setBaseUrl: (url) => {
      baseUrl = url;
    },
    issueToken: (userId = state.mainUserId, clientId = limits.clients[0]!.id) => state.tokens.issue(userId, clientId).token,
  };
}
