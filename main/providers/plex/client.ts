import { AppError } from '../../../shared/contract/errors';
import { parseResponse } from '../model/parse-response';
import { cancelledError, createPlexHttp, PLEX, signalOf, untilAborted, type PlexHttpOptions, type PlexRequestOptions } from './http';
import { createPlexLists } from './lists';
import { identitySchema, itemsContainerSchema, sectionsSchema } from './schemas';
import { plexTypeNumbers, type PlexItem, type PlexItemType, type PlexList, type PlexSection } from './types';

/** `com.plexapp.plugins.library`: the `identifier` scrobble, unscrobble and rate require (API-NOTES §2). */
export const LIBRARY_IDENTIFIER = 'com.plexapp.plugins.library';

export type PlexServerClientOptions = PlexHttpOptions;

export type { PlexRequestOptions } from './http';

export type PlexServerClient = ReturnType<typeof createPlexServerClient>;

/**
 * A client for one Plex Media Server. Sign-in and server discovery (PIN, /resources) belong to the auth flow;
 * this is handed the server's URL and a ServiceFetch that adds its token.
 */
export function createPlexServerClient(options: PlexServerClientOptions) {
  const http = createPlexHttp(options);
  let machineIdentifier: Promise<string> | undefined;

  const readItems = (label: string) => (data: unknown) => {
    const container = parseResponse(PLEX, itemsContainerSchema, data, label).MediaContainer;
    return { items: container.Metadata, totalSize: container.totalSize };
  };

  const library = {
    /**
     * The server's id, needed for `server://<id>/…` source URIs; asked once. The one request is shared, so it
     * carries no caller's signal: an abort ends only that caller's wait.
     */
    machineIdentifier(request: PlexRequestOptions = {}): Promise<string> {
      // A caller that has already given up starts nothing.
      if (request.signal?.aborted) return Promise.reject(cancelledError('GET /identity', request.signal.reason));
      machineIdentifier ??= http.json('GET /identity', identitySchema, { method: 'GET', url: '/identity' }).then((body) => body.MediaContainer.machineIdentifier);
      machineIdentifier.catch(() => (machineIdentifier = undefined));
      return untilAborted(machineIdentifier, request, 'GET /identity');
    },

    async sections(request: PlexRequestOptions = {}): Promise<PlexSection[]> {
      return (await http.json('GET /library/sections', sectionsSchema, { method: 'GET', url: '/library/sections', ...signalOf(request) })).MediaContainer.Directory;
    },

    /**
     * Every item of a section at one level (`type`: shows by default in a show section, `episode` for all
     * episodes), with the external Guid list unless told otherwise: the reliable match keys (DESIGN §5.1).
     */
    sectionItems(sectionId: string, query: { type?: PlexItemType; includeGuids?: boolean } & PlexRequestOptions = {}): Promise<PlexList<PlexItem>> {
      const label = 'GET /library/sections/{sectionId}/all';
      const params = { type: query.type ? plexTypeNumbers[query.type] : undefined, includeGuids: query.includeGuids === false ? undefined : 1 };
      return http.pages(label, `/library/sections/${encodeURIComponent(sectionId)}/all`, readItems(label), params, query);
    },

    /** One item's details; these always carry the Guid list. */
    async metadata(ratingKey: string, request: PlexRequestOptions = {}): Promise<PlexItem> {
      const label = 'GET /library/metadata/{ids}';
      const body = await http.json(label, itemsContainerSchema, { method: 'GET', url: `/library/metadata/${encodeURIComponent(ratingKey)}`, ...signalOf(request) });
      const item = body.MediaContainer.Metadata[0];
      if (!item) throw new AppError('not_found', `The Plex server has no item ${ratingKey}; it may have been deleted or the library rescanned.`);
      return item;
    },

    /**
     * A show's seasons or a season's episodes (with viewCount, lastViewedAt, viewOffset). The "All episodes"
     * entry PMS puts first for a show is a `Directory`, not `Metadata`, so it is not among them.
     */
    async children(ratingKey: string, query: { includeGuids?: boolean } & PlexRequestOptions = {}): Promise<PlexItem[]> {
      const label = 'GET /library/metadata/{ids}/children';
      return (await http.pages(label, `/library/metadata/${encodeURIComponent(ratingKey)}/children`, readItems(label), { includeGuids: query.includeGuids ? 1 : undefined }, query)).items;
    },

    /** Every episode of a show (or track of an artist) in one list. */
    async allLeaves(ratingKey: string, query: { includeGuids?: boolean } & PlexRequestOptions = {}): Promise<PlexItem[]> {
      const label = 'GET /library/metadata/{ids}/allLeaves';
      return (await http.pages(label, `/library/metadata/${encodeURIComponent(ratingKey)}/allLeaves`, readItems(label), { includeGuids: query.includeGuids ? 1 : undefined }, query)).items;
    },

    /** Marks played (every episode under a show or season); PMS stamps now and cannot take a past date. */
    scrobble(ratingKey: string, request: PlexRequestOptions = {}): Promise<void> {
      return http.action('PUT /:/scrobble', { method: 'PUT', url: '/:/scrobble', params: { identifier: LIBRARY_IDENTIFIER, key: ratingKey }, ...signalOf(request) });
    },

    /** Clears play state (viewCount, lastViewedAt, viewOffset). PUT, as the current spec asks. */
    unscrobble(ratingKey: string, request: PlexRequestOptions = {}): Promise<void> {
      return http.action('PUT /:/unscrobble', { method: 'PUT', url: '/:/unscrobble', params: { identifier: LIBRARY_IDENTIFIER, key: ratingKey }, ...signalOf(request) });
    },

    /** 0-10, or null to clear (PMS's `rating=-1`, as python-plexapi un-rates). */
    rate(ratingKey: string, rating: number | null, request: PlexRequestOptions = {}): Promise<void> {
      if (rating !== null && !(rating >= 0 && rating <= 10)) throw new RangeError(`Plex ratings are 0-10, got ${rating}`);
      return http.action('PUT /:/rate', { method: 'PUT', url: '/:/rate', params: { identifier: LIBRARY_IDENTIFIER, key: ratingKey, rating: rating ?? -1 }, ...signalOf(request) });
    },
  };

  return { ...library, ...createPlexLists(http, library.machineIdentifier) };
}
