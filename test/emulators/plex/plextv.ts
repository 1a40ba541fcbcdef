import { html, json, parseFormBody, parseJsonBody, text, type EmulatorRequest, type EmulatorResponse } from '../common/http-types';
import type { ServiceDefinition } from '../common/service';
import { requestToken } from './accounts';
import { authPage } from './auth-page';
import { plexParam } from './query';
import { pinJson } from './pins';
import { plexTvError, plexTvResponse, serverResourceJson, userJson } from './plextv-render';
import { dispatch, labelled, route, type Route } from './router';
import type { PlexState } from './state';

/**
 * plex.tv: the PIN sign-in, token check (/user), the server list (/resources) and the auth page the app opens
 * in the browser. Paths match the real hosts' (`https://plex.tv/api/v2/...`, `https://app.plex.tv/auth`), so
 * the services file points `plextv.api` at `<base>/api/v2` and `plextv.auth` at `<base>/auth`.
 */
export function createPlexTvService(state: PlexState): ServiceDefinition {
  const routes: Route[] = [
    route('POST', '/api/v2/pins', (request) => createPin(state, request)),
    route('GET', '/api/v2/pins/{pinID}', (request, params) => pollPin(state, request, params.pinID ?? '')),
    route('GET', '/api/v2/user', (request) => withUser(state, request, (token) => plexTvResponse(request, 200, userJson(state.world, token, state.plextvUrl), 'user'))),
    route('GET', '/api/v2/resources', (request) => withUser(state, request, (token) => resources(state, request, token))),
    route('GET', '/auth', () => html(200, authPage({ autoApprove: state.autoApprove, username: state.world.users.plex.username }))),
    route('POST', '/auth/approve', (request) => approve(state, request)),
  ];
  return {
    name: 'plextv',
    handle(request) {
      const found = dispatch(routes, request);
      if (found.kind === 'found') return labelled(found.route.handle(request, found.params), request, found.route.template);
      if (found.kind === 'wrong-method') return labelled(plexTvError(request, 405, 1005, 'Method not allowed'), request, found.template);
      return plexTvError(request, 404, 1004, 'Not Found');
    },
    // plex.tv documents no limits for these calls (API-NOTES §2: only JWT nonce requests are rate-limited), so
    // this 429 is artificial: a plain body, no Retry-After the real service is known to send.
    tooManyRequests: () => text(429, 'Too Many Requests'),
    expireToken: (request) => state.accounts.revoke(requestToken(request)),
    setBaseUrl: (baseUrl) => {
      state.plextvUrl = baseUrl;
    },
  };
}

/** Every v2 call needs the client identifier; without it plex.tv answers 400, code 1000 (LukasParke/plexpy#7). */
function missingHeader(request: EmulatorRequest, names: string[]): EmulatorResponse | undefined {
  const missing = names.find((name) => plexParam(request, name) === undefined);
  return missing ? plexTvError(request, 400, 1000, `${missing} is missing`) : undefined;
}

/**
 * POST /api/v2/pins. X-Plex-Product is required as well as the client identifier: plex.tv "expects the
 * X-Plex-Product header with name of the application" (LukasParke/plex-api-spec#25); the message for a missing
 * product is modelled on the documented one for a missing client identifier.
 */
function createPin(state: PlexState, request: EmulatorRequest): EmulatorResponse {
  const problem = missingHeader(request, ['X-Plex-Client-Identifier', 'X-Plex-Product']);
  if (problem) return problem;
  const strong = ['true', '1'].includes(request.url.searchParams.get('strong') ?? '');
  const pin = state.pins.create({ strong, product: plexParam(request, 'X-Plex-Product') ?? '', clientIdentifier: plexParam(request, 'X-Plex-Client-Identifier') ?? '' });
  return plexTvResponse(request, 201, pinJson(pin, state.clock.now(), state.plextvUrl), 'pin');
}

/** GET /api/v2/pins/{id}: 404 code 1020 "Code not found or expired" once the PIN is gone (the legacy spec's 404). */
function pollPin(state: PlexState, request: EmulatorRequest, id: string): EmulatorResponse {
  const problem = missingHeader(request, ['X-Plex-Client-Identifier']);
  if (problem) return problem;
  const pin = /^\d+$/.test(id) ? state.pins.poll(Number(id), plexParam(request, 'X-Plex-Client-Identifier') ?? '') : undefined;
  if (!pin) return plexTvResponse(request, 404, { errors: [{ code: 1020, message: 'Code not found or expired' }] }, 'errors');
  return plexTvResponse(request, 200, pinJson(pin, state.clock.now(), state.plextvUrl), 'pin');
}

/** 200 for a valid token, 401 code 1001 for a missing or invalid one: how apps tell a dead token (description.md). */
function withUser(state: PlexState, request: EmulatorRequest, answer: (token: string) => EmulatorResponse): EmulatorResponse {
  const problem = missingHeader(request, ['X-Plex-Client-Identifier']);
  if (problem) return problem;
  const token = requestToken(request);
  if (token === undefined || !state.accounts.isUserToken(token)) return plexTvError(request, 401, 1001, 'User could not be authenticated');
  return answer(token);
}

function resources(state: PlexState, request: EmulatorRequest, _token: string): EmulatorResponse {
  return plexTvResponse(request, 200, [serverResourceJson(state.world, state.accounts.serverToken, state.plexUrl, state.clock.now())], 'resources');
}

/** The auth page's Approve button (emulator-only: the real page signs the user in to plex.tv first). */
function approve(state: PlexState, request: EmulatorRequest): EmulatorResponse {
  const parsed = parseJsonBody(request);
  const fields = parsed.ok && typeof parsed.value === 'object' && parsed.value !== null ? (parsed.value as Record<string, unknown>) : Object.fromEntries(parseFormBody(request));
  const code = typeof fields.code === 'string' ? fields.code : '';
  const clientID = typeof fields.clientID === 'string' && fields.clientID !== '' ? fields.clientID : undefined;
  const result = state.pins.claim(code, clientID);
  if (result === 'claimed') return json(200, { ok: true });
  if (result === 'expired') return json(410, { ok: false, message: 'This PIN has expired. Start signing in again from the app.' });
  return json(404, { ok: false, message: 'No PIN matches this link. Start signing in again from the app.' });
}
