import type { EmulatorRequest, EmulatorResponse } from '../common/http-types';
import { emptyOk, pmsError } from './format';
import { isLeaf, type PlexItem } from './model';
import { route, type Route } from './router';
import type { PlexState } from './state';
import { ratingKeysFromUri } from './query';

/**
 * Play state and ratings: /:/scrobble, /:/unscrobble and /:/rate. The current spec declares PUT and says each
 * "does respond to the GET verb but applications should use PUT"; the legacy spec (and older clients) use
 * GET, so both are served. `identifier` is required (400 without it); an identifier other than the library's
 * is a 404 ("no library with the provided identifier"), as is an unknown key. Success is 200 with no body.
 */
export function watchRoutes(state: PlexState): Route[] {
  return [
    route(['GET', 'PUT'], '/:/scrobble', (request) => withItem(state, request, (item) => state.library.scrobble(item, state.nowSeconds()))),
    route(['GET', 'PUT'], '/:/unscrobble', (request) => withItem(state, request, (item) => state.library.unscrobble(item))),
    route(['GET', 'PUT'], '/:/rate', (request) => rate(state, request)),
    route(['POST', 'PUT'], '/:/progress', (request) => progress(state, request)),
  ];
}

const libraryIdentifier = 'com.plexapp.plugins.library';

/**
 * POST /:/progress?key=…&time=…&state=… (legacy spec): where playback stopped, in ms, on a leaf; shown as
 * `viewOffset` until the item is scrobbled or unscrobbled. The seed has no unfinished items, so this is how
 * tests and demos make one. `identifier` is optional here, as in the legacy spec.
 */
function progress(state: PlexState, request: EmulatorRequest): EmulatorResponse {
  const query = request.url.searchParams;
  const item = state.library.get(query.get('key') ?? '');
  const time = query.get('time') ?? '';
  if (!query.get('key') || !/^\d+$/.test(time) || !query.get('state')) return pmsError(400);
  if (!item || !isLeaf(item)) return pmsError(404);
  item.viewOffset = Number(time) > 0 ? Number(time) : undefined;
  return emptyOk();
}

/** The item named by `key` (a ratingKey) or `uri`, or the error PMS answers. */
function target(state: PlexState, request: EmulatorRequest): PlexItem | EmulatorResponse {
  const query = request.url.searchParams;
  const identifier = query.get('identifier');
  if (!identifier) return pmsError(400);
  if (identifier !== libraryIdentifier) return pmsError(404);
  let key = query.get('key');
  const uri = query.get('uri');
  if (!key && uri) {
    const parsed = ratingKeysFromUri(uri, state.library.machineIdentifier);
    if (!parsed.ok) return pmsError(parsed.reason === 'malformed' ? 400 : 404);
    key = parsed.ratingKeys[0] ?? null;
  }
  if (!key) return pmsError(400);
  return state.library.get(key) ?? pmsError(404);
}

function withItem(state: PlexState, request: EmulatorRequest, change: (item: PlexItem) => void): EmulatorResponse {
  const item = target(state, request);
  if ('status' in item) return item;
  change(item);
  return emptyOk();
}

/**
 * `rating` 0-10 (the spec's range); -1 clears the rating, which is how clients such as python-plexapi un-rate.
 * `ratedAt` (Unix seconds) defaults to now and may not be in the future (the spec's 400).
 */
function rate(state: PlexState, request: EmulatorRequest): EmulatorResponse {
  const item = target(state, request);
  if ('status' in item) return item;
  const ratingText = request.url.searchParams.get('rating');
  const rating = ratingText === null || ratingText.trim() === '' ? Number.NaN : Number(ratingText);
  if (!Number.isFinite(rating) || (rating !== -1 && (rating < 0 || rating > 10))) return pmsError(400);
  const ratedAtText = request.url.searchParams.get('ratedAt');
  const now = state.nowSeconds();
  let ratedAt = now;
  if (ratedAtText !== null) {
    if (!/^\d+$/.test(ratedAtText) || Number(ratedAtText) > now) return pmsError(400);
    ratedAt = Number(ratedAtText);
  }
  state.library.rate(item, rating === -1 ? null : rating, ratedAt);
  return emptyOk();
}
