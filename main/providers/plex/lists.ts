import type { AxiosRequestConfig } from 'axios';
import { AppError } from '../../../shared/contract/errors';
import { parseResponse } from '../model/parse-response';
import { PLEX, signalOf, type PlexHttp, type PlexRequestOptions } from './http';
import { itemsContainerSchema, playlistEntriesSchema, playlistsSchema } from './schemas';
import { plexTypeNumbers, type PlexItem, type PlexItemType, type PlexPlaylist, type PlexPlaylistEntry } from './types';

/**
 * Playlists and collections. Items are named by a source URI,
 * `server://<machineIdentifier>/com.plexapp.plugins.library/library/metadata/<ratingKeys>` (comma list, as
 * python-plexapi builds it; description.md "Sources"). Order is changed by moving entries, never by clearing
 * and re-adding, which loses order and dates (API-NOTES "Music playlists into Plex").
 */
export function createPlexLists(http: PlexHttp, machineIdentifier: (request?: PlexRequestOptions) => Promise<string>) {
  const uriFor = async (ratingKeys: readonly string[], request: PlexRequestOptions): Promise<string> => {
    if (ratingKeys.length === 0) throw new AppError('validation', 'A Plex playlist or collection change needs at least one item.');
    return `server://${await machineIdentifier(request)}/com.plexapp.plugins.library/library/metadata/${ratingKeys.map(encodeURIComponent).join(',')}`;
  };
  /** Playlist and collection writes answer with the changed object in a one-entry MediaContainer. */
  const onePlaylist = async (label: string, config: AxiosRequestConfig): Promise<PlexPlaylist> => {
    const playlist = (await http.json(label, playlistsSchema, config)).MediaContainer.Metadata[0];
    if (!playlist) throw new AppError('unavailable', `The Plex server answered ${label} without the playlist.`, { retryable: false });
    return playlist;
  };
  const oneItem = async (label: string, config: AxiosRequestConfig): Promise<PlexItem> => {
    const item = (await http.json(label, itemsContainerSchema, config)).MediaContainer.Metadata[0];
    if (!item) throw new AppError('unavailable', `The Plex server answered ${label} without the collection.`, { retryable: false });
    return item;
  };
  const readEntries = (label: string) => (data: unknown) => {
    const container = parseResponse(PLEX, playlistEntriesSchema, data, label).MediaContainer;
    return { items: container.Metadata as PlexPlaylistEntry[], totalSize: container.totalSize };
  };
  const playlistPath = (id: string) => `/playlists/${encodeURIComponent(id)}`;
  const collectionPath = (id: string) => `/library/collections/${encodeURIComponent(id)}`;

  return {
    async playlists(playlistType?: 'audio' | 'video' | 'photo', request: PlexRequestOptions = {}): Promise<PlexPlaylist[]> {
      return (await http.json('GET /playlists', playlistsSchema, { method: 'GET', url: '/playlists', params: { playlistType }, ...signalOf(request) })).MediaContainer.Metadata;
    },

    async createPlaylist(input: { type: 'audio' | 'video' | 'photo'; title: string; ratingKeys: readonly string[] }, request: PlexRequestOptions = {}): Promise<PlexPlaylist> {
      const label = 'POST /playlists';
      const params = { type: input.type, title: input.title, smart: 0, uri: await uriFor(input.ratingKeys, request) };
      return onePlaylist(label, { method: 'POST', url: '/playlists', params, ...signalOf(request) });
    },

    /** The entries in order, each with the playlistItemId that move and remove take. */
    async playlistItems(playlistId: string, request: PlexRequestOptions = {}): Promise<PlexPlaylistEntry[]> {
      const label = 'GET /playlists/{playlistId}/items';
      return (await http.pages(label, `${playlistPath(playlistId)}/items`, readEntries(label), {}, request)).items;
    },

    /** Appends; a show or album adds all its leaves. */
    async addToPlaylist(playlistId: string, ratingKeys: readonly string[], request: PlexRequestOptions = {}): Promise<PlexPlaylist> {
      const label = 'PUT /playlists/{playlistId}/items';
      return onePlaylist(label, { method: 'PUT', url: `${playlistPath(playlistId)}/items`, params: { uri: await uriFor(ratingKeys, request) }, ...signalOf(request) });
    },

    /** Moves one entry after another (or first when `afterPlaylistItemId` is undefined); returns the new order. */
    async movePlaylistItem(playlistId: string, playlistItemId: number, afterPlaylistItemId?: number, request: PlexRequestOptions = {}): Promise<PlexPlaylistEntry[]> {
      const label = 'PUT /playlists/{playlistId}/items/{playlistItemId}/move';
      const url = `${playlistPath(playlistId)}/items/${playlistItemId}/move`;
      const body = await http.json(label, playlistEntriesSchema, { method: 'PUT', url, params: { after: afterPlaylistItemId }, ...signalOf(request) });
      return body.MediaContainer.Metadata as PlexPlaylistEntry[];
    },

    async removePlaylistItem(playlistId: string, playlistItemId: number, request: PlexRequestOptions = {}): Promise<PlexPlaylist> {
      const label = 'DELETE /playlists/{playlistId}/items/{playlistItemId}';
      return onePlaylist(label, { method: 'DELETE', url: `${playlistPath(playlistId)}/items/${playlistItemId}`, ...signalOf(request) });
    },

    deletePlaylist(playlistId: string, request: PlexRequestOptions = {}): Promise<void> {
      return http.action('DELETE /playlists/{playlistId}', { method: 'DELETE', url: playlistPath(playlistId), ...signalOf(request) });
    },

    async collections(sectionId: string, request: PlexRequestOptions = {}): Promise<PlexItem[]> {
      const label = 'GET /library/sections/{sectionId}/collections';
      const read = (data: unknown) => {
        const container = parseResponse(PLEX, itemsContainerSchema, data, label).MediaContainer;
        return { items: container.Metadata, totalSize: container.totalSize };
      };
      return (await http.pages(label, `/library/sections/${encodeURIComponent(sectionId)}/collections`, read, {}, request)).items;
    },

    /** A collection of items from one section; `type` is what it holds (`movie`, `show`…). */
    async createCollection(input: { sectionId: string; title: string; type: PlexItemType; ratingKeys: readonly string[] }, request: PlexRequestOptions = {}): Promise<PlexItem> {
      const label = 'POST /library/collections';
      const params = { type: plexTypeNumbers[input.type], title: input.title, smart: 0, sectionId: input.sectionId, uri: await uriFor(input.ratingKeys, request) };
      return oneItem(label, { method: 'POST', url: '/library/collections', params, ...signalOf(request) });
    },

    async collectionItems(collectionId: string, request: PlexRequestOptions = {}): Promise<PlexItem[]> {
      const label = 'GET /library/collections/{collectionId}/items';
      const read = (data: unknown) => {
        const container = parseResponse(PLEX, itemsContainerSchema, data, label).MediaContainer;
        return { items: container.Metadata, totalSize: container.totalSize };
      };
      return (await http.pages(label, `${collectionPath(collectionId)}/items`, read, {}, request)).items;
    },

    async addToCollection(collectionId: string, ratingKeys: readonly string[], request: PlexRequestOptions = {}): Promise<PlexItem> {
      const label = 'PUT /library/collections/{collectionId}/items';
      return oneItem(label, { method: 'PUT', url: `${collectionPath(collectionId)}/items`, params: { uri: await uriFor(ratingKeys, request) }, ...signalOf(request) });
    },

    /** The spec declares PUT …/items/{itemId} for removal (python-plexapi sends DELETE; servers take both). */
    async removeFromCollection(collectionId: string, ratingKey: string, request: PlexRequestOptions = {}): Promise<PlexItem> {
      const label = 'PUT /library/collections/{collectionId}/items/{itemId}';
      return oneItem(label, { method: 'PUT', url: `${collectionPath(collectionId)}/items/${encodeURIComponent(ratingKey)}`, ...signalOf(request) });
    },

    deleteCollection(sectionId: string, collectionId: string, request: PlexRequestOptions = {}): Promise<void> {
      const label = 'DELETE /library/sections/{sectionId}/collection/{collectionId}';
      const url = `/library/sections/${encodeURIComponent(sectionId)}/collection/${encodeURIComponent(collectionId)}`;
      return http.action(label, { method: 'DELETE', url, ...signalOf(request) });
    },
  };
}
