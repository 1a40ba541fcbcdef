import { bearerToken, type EmulatorRequest, type EmulatorResponse } from '../common/http-types';
import type { ServiceOptions } from '../common/options';
import type { ServiceDefinition } from '../common/service';
import type { SeedWorld } from '../seed/world';
import type { MalKind } from './catalogue';
import { forbidden, notFound } from './errors';
import { image } from './pages';
import { userList } from './list-routes';
import { authorize, decide, token } from './oauth-routes';
import { malLimits } from './options';
import { createMalState, type MalState } from './state';
import { deleteListStatus, updateListStatus } from './update-routes';
import { details, me, search } from './work-routes';

export type { MalClient, MalLimits } from './options';
export type { MalState } from './state';

interface Route {
  method: string | string[];
  pattern: RegExp;
  /** The endpoint counter key, e.g. "GET /v2/users/@me/animelist", whatever the ids. */
  endpoint: (method: string, match: RegExpExecArray) => string;
  run: (request: EmulatorRequest, match: RegExpExecArray) => EmulatorResponse;
}

/**
 * MyAnimeList: API v2 under /v2 and OAuth under /v1/oauth2 on one host (the real ones are
 * api.myanimelist.net/v2 and myanimelist.net/v1/oauth2; the services file gives each its own base).
 * `limits`: accessTokenSeconds, refreshTokenSeconds, codeSeconds, clients (see ./options).
 */
export function createMalService(world: SeedWorld, options: ServiceOptions): ServiceDefinition & { state: MalState } {
  const state = createMalState(world, malLimits(options.limits), options.clock);
  const kindOf = (match: RegExpExecArray) => match[1] as MalKind;
  const idName = (match: RegExpExecArray) => `{${match[1]}_id}`;
  const routes: Route[] = [
    { method: 'GET', pattern: /^\/v2\/users\/@me$/, endpoint: () => 'GET /v2/users/@me', run: (request) => me(request, state) },
    {
      method: 'GET',
      pattern: /^\/v2\/users\/([^/]+)\/(anime|manga)list$/,
      endpoint: (_, match) => `GET /v2/users/${match[1] === '@me' ? '@me' : '{user_name}'}/${match[2]}list`,
      run: (request, match) => userList(request, state, match[2] as MalKind, safeDecode(match[1] ?? '')),
    },
    {
      method: ['PATCH', 'PUT'],
      pattern: /^\/v2\/(anime|manga)\/([^/]+)\/my_list_status$/,
      endpoint: (method, match) => `${method} /v2/${match[1]}/${idName(match)}/my_list_status`,
      run: (request, match) => updateListStatus(request, state, kindOf(match), match[2] ?? ''),
    },
    {
      method: 'DELETE',
      pattern: /^\/v2\/(anime|manga)\/([^/]+)\/my_list_status$/,
      endpoint: (_, match) => `DELETE /v2/${match[1]}/${idName(match)}/my_list_status`,
      run: (request, match) => deleteListStatus(request, state, kindOf(match), match[2] ?? ''),
    },
    { method: 'GET', pattern: /^\/v2\/(anime|manga)$/, endpoint: (_, match) => `GET /v2/${match[1]}`, run: (request, match) => search(request, state, kindOf(match)) },
    {
      method: 'GET',
      pattern: /^\/v2\/(anime|manga)\/([^/]+)$/,
      endpoint: (_, match) => `GET /v2/${match[1]}/${idName(match)}`,
      run: (request, match) => details(request, state, kindOf(match), match[2] ?? ''),
    },
    { method: 'GET', pattern: /^\/v1\/oauth2\/authorize$/, endpoint: () => 'GET /v1/oauth2/authorize', run: (request) => authorize(request, state.oauth, options.autoApprove) },
    { method: 'POST', pattern: /^\/v1\/oauth2\/authorize$/, endpoint: () => 'POST /v1/oauth2/authorize', run: (request) => decide(request, state.oauth) },
    { method: 'POST', pattern: /^\/v1\/oauth2\/token$/, endpoint: () => 'POST /v1/oauth2/token', run: (request) => token(request, state.oauth) },
    { method: 'GET', pattern: /^\/images\/.+$/, endpoint: () => 'GET /images/{file}', run: (request) => image(state, request.url.pathname) },
  ];

  const find = (request: EmulatorRequest) => {
    for (const route of routes) {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      const match = route.pattern.exec(request.url.pathname);
      if (match && methods.includes(request.method)) return { route, match, endpoint: route.endpoint(request.method, match) };
    }
    return undefined;
  };

  return {
    name: 'mal',
    state,
    handle(request) {
      const found = find(request);
      return found ? { ...found.route.run(request, found.match), endpoint: found.endpoint } : notFound();
    },
    // The spec's only documented throttle answer is "403 Forbidden – DoS detected" (API-NOTES.md §4); the
    // body is the one reported in SuperMarcus/myanimelist-api-specification#5. MAL sends no Retry-After.
    tooManyRequests: (request) => {
      const found = find(request);
      return { ...forbidden(), ...(found ? { endpoint: found.endpoint } : {}) };
    },
    expireToken(request) {
      const token = bearerToken(request);
      if (token) state.oauth.expireAccessToken(token);
    },
    setBaseUrl(baseUrl) {
      state.baseUrl = baseUrl;
    },
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
