import { text } from '../common/http-types';
import type { ServiceDefinition } from '../common/service';
import { requestToken } from './accounts';
import { collectionRoutes } from './collection-routes';
import { pmsError } from './format';
import { libraryRoutes } from './library-routes';
import { playlistRoutes } from './playlist-routes';
import { dispatch, labelled } from './router';
import type { PlexState } from './state';
import { watchRoutes } from './watch-routes';

/**
 * The Plex Media Server. Every call but /identity needs `X-Plex-Token` (header or query), either the server's
 * access token from plex.tv's /resources or the owner's plex.tv token; otherwise 401 with PMS's HTML page,
 * whatever the Accept header (see format.ts).
 */
export function createPlexServer(state: PlexState): ServiceDefinition {
  const routes = [...libraryRoutes(state), ...watchRoutes(state), ...playlistRoutes(state), ...collectionRoutes(state)];
  return {
    name: 'plex',
    handle(request) {
      const found = dispatch(routes, request);
      const template = found.kind === 'found' ? found.route.template : found.kind === 'wrong-method' ? found.template : undefined;
      const open = template === '/identity';
      if (!open && !state.accounts.canUseServer(requestToken(request))) return template ? labelled(pmsError(401), request, template) : pmsError(401);
      if (found.kind === 'found') return labelled(found.route.handle(request, found.params), request, found.route.template);
      if (found.kind === 'wrong-method') return labelled(pmsError(405), request, found.template);
      return pmsError(404);
    },
    // PMS has no documented rate limit (API-NOTES §2), so this 429 is artificial: a plain body, nothing a real
    // server is known to send. It exists so clients are tested against a 429 from any host.
    tooManyRequests: () => text(429, 'Too Many Requests'),
    expireToken: (request) => state.accounts.revoke(requestToken(request)),
    setBaseUrl: (baseUrl) => {
      state.plexUrl = baseUrl;
    },
  };
}
