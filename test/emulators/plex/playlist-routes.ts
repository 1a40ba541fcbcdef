import type { EmulatorRequest, EmulatorResponse } from '../common/http-types';
import { emptyOk, node, pmsError, pmsResponse, type AttrValue, type PlexNode } from './format';
import { paged } from './library-routes';
import type { PlexItem } from './model';
import type { Playlist, PlaylistType } from './playlist-store';
import { itemNode } from './render';
import { route, type Route } from './router';
import type { PlexState } from './state';
import { ratingKeysFromUri } from './query';

/**
 * Playlists: list, create, read, edit, delete, and the items of a dumb playlist (add by uri, remove, move,
 * clear). Responses follow the current spec: a playlist is a `Metadata` entry (`<Playlist>` in XML) with
 * `playlistType`, `smart`, `leafCount` and `duration`; item lists carry each entry's `playlistItemID`.
 */
export function playlistRoutes(state: PlexState): Route[] {
  const find = (id: string | undefined) => state.playlists.get(id ?? '');
  return [
    route('GET', '/playlists', (request) => list(state, request)),
    route('POST', '/playlists', (request) => create(state, request)),
    route('GET', '/playlists/{playlistId}', (request, params) => withPlaylist(find(params.playlistId), (playlist) => one(state, request, playlist))),
    route('PUT', '/playlists/{playlistId}', (request, params) => withPlaylist(find(params.playlistId), (playlist) => edit(state, request, playlist))),
    route('DELETE', '/playlists/{playlistId}', (_request, params) => withPlaylist(find(params.playlistId), (playlist) => (state.playlists.delete(playlist.ratingKey), emptyOk(204)))),
    route('GET', '/playlists/{playlistId}/items', (request, params) => withPlaylist(find(params.playlistId), (playlist) => items(state, request, playlist))),
    route('PUT', '/playlists/{playlistId}/items', (request, params) => withPlaylist(find(params.playlistId), (playlist) => addItems(state, request, playlist))),
    route('DELETE', '/playlists/{playlistId}/items', (request, params) => withPlaylist(find(params.playlistId), (playlist) => (state.playlists.clear(playlist, state.nowSeconds()), one(state, request, playlist)))),
    route('DELETE', '/playlists/{playlistId}/items/{generatorId}', (request, params) =>
      withPlaylist(find(params.playlistId), (playlist) => (state.playlists.removeEntry(playlist, Number(params.generatorId), state.nowSeconds()) ? one(state, request, playlist) : pmsError(404))),
    ),
    route('PUT', '/playlists/{playlistId}/items/{playlistItemId}/move', (request, params) => withPlaylist(find(params.playlistId), (playlist) => move(state, request, playlist, params.playlistItemId ?? ''))),
  ];
}

/** "Playlist not found (or user may not have permission to access playlist)": 404. */
function withPlaylist(playlist: Playlist | undefined, answer: (playlist: Playlist) => EmulatorResponse): EmulatorResponse {
  return playlist ? answer(playlist) : pmsError(404);
}

function playlistAttrs(state: PlexState, playlist: Playlist): Record<string, AttrValue> {
  const entries = state.playlists.resolved(playlist);
  return {
    ratingKey: String(playlist.ratingKey),
    key: `/playlists/${playlist.ratingKey}/items`,
    guid: playlist.guid,
    type: 'playlist',
    title: playlist.title,
    summary: playlist.summary,
    smart: false,
    playlistType: playlist.playlistType,
    composite: `/playlists/${playlist.ratingKey}/composite/${playlist.updatedAt}`,
    duration: entries.reduce((total, { item }) => total + (item.duration ?? 0), 0),
    leafCount: entries.length,
    addedAt: playlist.addedAt,
    updatedAt: playlist.updatedAt,
  };
}

function playlistNode(state: PlexState, playlist: Playlist): PlexNode {
  return node('Playlist', playlistAttrs(state, playlist), [], 'Metadata');
}

function one(state: PlexState, request: EmulatorRequest, playlist: Playlist, extra: Record<string, AttrValue> = {}): EmulatorResponse {
  return pmsResponse(request, node('MediaContainer', { size: 1, ...extra }, [playlistNode(state, playlist)]));
}

/** GET /playlists: every playlist is dumb here, so `smart=1` finds none. */
function list(state: PlexState, request: EmulatorRequest): EmulatorResponse {
  const smart = request.url.searchParams.get('smart');
  const found = smart === '1' ? [] : state.playlists.list(request.url.searchParams.get('playlistType') ?? undefined);
  return pmsResponse(request, node('MediaContainer', { size: found.length }, found.map((playlist) => playlistNode(state, playlist))));
}

/**
 * The items a `uri` names, or the 400 PMS gives for a malformed, foreign or dangling one. The emulator refuses a
 * uri naming unknown ratingKeys rather than silently adding fewer items, so client bugs show.
 */
function itemsFromUri(state: PlexState, uri: string | null): PlexItem[] | EmulatorResponse {
  if (uri === null) return [];
  const parsed = ratingKeysFromUri(uri, state.library.machineIdentifier);
  if (!parsed.ok) return pmsError(400);
  const found = parsed.ratingKeys.map((key) => state.library.get(key));
  return found.every((item): item is PlexItem => item !== undefined) ? found : pmsError(400);
}

/**
 * POST /playlists?type=audio&title=…&smart=0&uri=…: title and type are required (the legacy spec lists them;
 * the current spec's operation omits them). Smart playlists and playQueueID are not emulated: 400.
 */
function create(state: PlexState, request: EmulatorRequest): EmulatorResponse {
  const query = request.url.searchParams;
  const title = query.get('title');
  const type = query.get('type');
  if (!title || !type || !['audio', 'video', 'photo'].includes(type) || query.get('smart') === '1' || query.has('playQueueID')) return pmsError(400);
  const found = itemsFromUri(state, query.get('uri'));
  if ('status' in found) return found;
  const playlist = state.playlists.create(title, type as PlaylistType, state.nowSeconds());
  state.playlists.add(playlist, found, state.nowSeconds());
  return one(state, request, playlist);
}

/** PUT /playlists/{id}?title=…&summary=…: edits like metadata; the spec answers 204. */
function edit(state: PlexState, request: EmulatorRequest, playlist: Playlist): EmulatorResponse {
  const query = request.url.searchParams;
  const title = query.get('title') ?? query.get('title.value');
  const summary = query.get('summary') ?? query.get('summary.value');
  if (title) playlist.title = title;
  if (summary !== null) playlist.summary = summary;
  playlist.updatedAt = state.nowSeconds();
  return emptyOk(204);
}

function items(state: PlexState, request: EmulatorRequest, playlist: Playlist): EmulatorResponse {
  const entries = state.playlists.resolved(playlist);
  const page = paged(state, request, entries.map(({ item }) => item));
  if (!page) return pmsError(400);
  const offset = page.attrs.offset ?? 0;
  const nodes = page.items.map((item, i) => itemNode(state.library, item, { includeGuids: false }, { playlistItemID: entries[offset + i]?.entry.playlistItemID }));
  const { ratingKey, key: _key, type: _type, addedAt: _added, updatedAt: _updated, guid: _guid, ...rest } = playlistAttrs(state, playlist);
  return pmsResponse(request, node('MediaContainer', { size: nodes.length, ...page.attrs, ratingKey, ...rest }, nodes), page.headers);
}

/** PUT /playlists/{id}/items?uri=…: appends; the answer is the playlist with leafCountAdded / leafCountRequested. */
function addItems(state: PlexState, request: EmulatorRequest, playlist: Playlist): EmulatorResponse {
  const found = itemsFromUri(state, request.url.searchParams.get('uri'));
  if ('status' in found) return found;
  if (found.length === 0) return pmsError(400);
  const requested = found.flatMap((item) => state.library.leaves(item)).length;
  const added = state.playlists.add(playlist, found, state.nowSeconds());
  return one(state, request, playlist, { leafCountAdded: added, leafCountRequested: requested });
}

/**
 * PUT /playlists/{id}/items/{playlistItemID}/move?after={playlistItemID}: without `after` the entry goes first.
 * The answer is the playlist's items in their new order.
 */
function move(state: PlexState, request: EmulatorRequest, playlist: Playlist, itemId: string): EmulatorResponse {
  const afterText = request.url.searchParams.get('after');
  if (!/^\d+$/.test(itemId) || (afterText !== null && !/^\d+$/.test(afterText))) return pmsError(400);
  const result = state.playlists.move(playlist, Number(itemId), afterText === null ? undefined : Number(afterText), state.nowSeconds());
  if (result === 'no-item') return pmsError(404);
  if (result === 'no-after') return pmsError(400);
  return items(state, request, playlist);
}
