import { bearerToken, type EmulatorRequest, type EmulatorResponse } from '../common/http-types';
import { historyRoutes } from './history';
import { forbidden, matchRoute, statusOnly, type ApiRoute } from './http';
import { ratingsRoutes } from './ratings';
import type { Bucket } from './rate-limit';
import { searchRoutes } from './search';
import type { TraktState } from './state';
import { userRoutes } from './users';
import { watchlistRoutes } from './watchlist';

/**
 * The API host (api.trakt.tv). Every call is checked in the order the real service reveals: the app key
 * and version headers, then OAuth, then the rate limiter, then the JSON content type, then the handler.
 * Status codes from the API's status table: 401 "OAuth must be provided", 403 "invalid API key or
 * unapproved app", 405 "method doesn't exist", 412 "use application/json content type".
 */
export function createApiHandler(state: TraktState): { handle(request: EmulatorRequest): EmulatorResponse; bucketFor(request: EmulatorRequest): Bucket } {
  const routes: ApiRoute[] = [...userRoutes(state), ...watchlistRoutes(state), ...historyRoutes(state), ...ratingsRoutes(state), ...searchRoutes(state)];

  const apiKey = (request: EmulatorRequest): string => String(request.headers['trakt-api-key'] ?? '');

  /** Authed calls count against the user, unauthed reads against the app (docs.trakt.tv/docs/rate-limiting). */
  const bucketFor = (request: EmulatorRequest): Bucket => {
    const authed = state.auth.check(bearerToken(request)).ok;
    if (request.method !== 'GET') return { name: 'AUTHED_API_POST_LIMIT', key: state.user.slug };
    return authed ? { name: 'AUTHED_API_GET_LIMIT', key: state.user.slug } : { name: 'UNAUTHED_API_GET_LIMIT', key: apiKey(request) };
  };

  const handle = (request: EmulatorRequest): EmulatorResponse => {
    const match = matchRoute(routes, request.method, request.url.pathname);
    if (!match) return statusOnly(404, undefined);
    const endpoint = 'route' in match ? match.route.endpoint : match.endpoint;
    if (!state.auth.client(apiKey(request))) return forbidden(endpoint);
    // Documented as required ("trakt-api-version: 2"); what the real API does without it is unverified.
    if (String(request.headers['trakt-api-version'] ?? '') !== '2') return statusOnly(400, endpoint);
    if (!('route' in match)) return statusOnly(405, endpoint);
    const { route, params } = match;
    const bearer = bearerToken(request);
    if (bearer !== null || route.oauth === 'required') {
      const check = state.auth.check(bearer);
      if (!check.ok) return unauthorized(bearer === null ? undefined : check.reason, endpoint);
    }
    const limited = state.rateLimiter.take(bucketFor(request), endpoint);
    if (limited) return limited;
    let body: unknown;
    if (request.method !== 'GET') {
      if (!String(request.headers['content-type'] ?? '').toLowerCase().includes('application/json')) return statusOnly(412, endpoint);
      try {
        body = request.body.length === 0 ? {} : JSON.parse(request.body.toString('utf8'));
      } catch {
        // "400 Bad Request - request couldn't be parsed".
        return statusOnly(400, endpoint);
      }
    }
    return route.handle({ request, query: request.url.searchParams, params, body, now: state.clock.now() });
  };

  return { handle, bucketFor };
}

const tokenErrors = { unknown: 'The access token is invalid', expired: 'The access token expired', revoked: 'The access token was revoked' } as const;

/**
 * 401 the Doorkeeper way (trakt/trakt-api#48 shows `WWW-Authenticate: Bearer realm="Doorkeeper", error=…`):
 * without a token only the realm (RFC 6750 §3.1), with a bad one `invalid_token` and why.
 */
function unauthorized(reason: keyof typeof tokenErrors | undefined, endpoint: string): EmulatorResponse {
  if (reason === undefined) return statusOnly(401, endpoint, { 'www-authenticate': 'Bearer realm="Doorkeeper"' });
  const description = tokenErrors[reason];
  return {
    status: 401,
    headers: { 'content-type': 'application/json; charset=utf-8', 'www-authenticate': `Bearer realm="Doorkeeper", error="invalid_token", error_description="${description}"` },
    body: { error: 'invalid_token', error_description: description },
    endpoint,
  };
}
