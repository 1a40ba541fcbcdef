import type { EmulatorRequest, EmulatorResponse } from '../common/http-types';
import { node, pmsError, pmsResponse, type PlexNode } from './format';
import { typeFromNumber, type ItemType, type PlexItem, type PlexSection } from './model';
import { applyPage, flag, readPage } from './query';
import { itemNode, sectionContainerAttrs, sectionNode } from './render';
import { route, type Route } from './router';
import type { PlexState } from './state';

/**
 * Reading the library: /identity, the section list, a section's items, metadata details, children and leaves.
 * Spec paths: /library/sections/all, /library/sections/{sectionId}/all and /library/metadata/{ids}[/allLeaves]
 * in the current spec; /library/sections and /library/metadata/{ratingKey}/children only in the legacy one,
 * though real servers (and clients such as python-plexapi) still use both.
 */
export function libraryRoutes(state: PlexState): Route[] {
  return [
    route('GET', '/identity', (request) => pmsResponse(request, node('MediaContainer', { size: 0, claimed: true, machineIdentifier: state.library.machineIdentifier, version: '1.42.2.10156-f737b826c' }))),
    route('GET', '/library/sections', (request) => sections(state, request)),
    route('GET', '/library/sections/all', (request) => sections(state, request)),
    route('GET', '/library/sections/{sectionId}/all', (request, params) => sectionAll(state, request, params.sectionId ?? '')),
    route('GET', '/library/metadata/{ids}', (request, params) => metadata(state, request, params.ids ?? '')),
    route('GET', '/library/metadata/{ids}/children', (request, params) => children(state, request, params.ids ?? '')),
    route('GET', '/library/metadata/{ids}/allLeaves', (request, params) => allLeaves(state, request, params.ids ?? '')),
  ];
}

function sections(state: PlexState, request: EmulatorRequest): EmulatorResponse {
  const list = state.library.sections.map((section) => sectionNode(section, state.nowSeconds()));
  return pmsResponse(request, node('MediaContainer', { size: list.length, allowSync: false, title1: 'Plex Library' }, list));
}

const rootType: Record<PlexSection['type'], ItemType> = { show: 'show', movie: 'movie', artist: 'artist' };
const allTitles: Record<PlexSection['type'], string> = { show: 'All Shows', movie: 'All Movies', artist: 'All Artists' };

/** Items plus the page attributes/headers, or the error to send when the paging values are not numbers. */
export function paged(state: PlexState, request: EmulatorRequest, items: readonly PlexItem[]) {
  const page = readPage(request, state.limits.defaultPageSize);
  return page ? applyPage(items, page) : undefined;
}

/**
 * GET /library/sections/{id}/all. `type` picks the level (2 shows, 4 episodes, 10 tracks…; see model.ts for the
 * numbering); the plex:// `guid` is always there, the external `Guid` list only with includeGuids=1.
 */
function sectionAll(state: PlexState, request: EmulatorRequest, sectionId: string): EmulatorResponse {
  const section = state.library.section(sectionId);
  if (!section) return pmsError(404);
  const typeText = request.url.searchParams.get('type');
  if (typeText !== null && !/^\d+$/.test(typeText)) return pmsError(400);
  const type = typeText === null ? rootType[section.type] : typeFromNumber(Number(typeText));
  const items = type ? state.library.sectionItems(section, type) : [];
  const page = paged(state, request, items);
  if (!page) return pmsError(400);
  const includeGuids = flag(request, 'includeGuids');
  const metadata = page.items.map((item) => itemNode(state.library, item, { includeGuids }));
  const attrs = { size: metadata.length, ...page.attrs, ...sectionContainerAttrs(section), title1: section.title, title2: allTitles[section.type], viewGroup: type ?? rootType[section.type] };
  return pmsResponse(request, node('MediaContainer', attrs, metadata), page.headers);
}

/** `ids` is a comma list; unknown ids are skipped, and none found is a 404. */
function lookup(state: PlexState, ids: string): PlexItem[] {
  return ids
    .split(',')
    .map((id) => state.library.get(id.trim()))
    .filter((item): item is PlexItem => item !== undefined);
}

function containerFor(state: PlexState, first: PlexItem, attrs: Record<string, unknown>, children: PlexNode[], headers: Record<string, string>, request: EmulatorRequest): EmulatorResponse {
  const section = state.library.section(first.sectionId);
  const hoisted = section ? sectionContainerAttrs(section) : {};
  return pmsResponse(request, node('MediaContainer', { size: children.length, ...attrs, ...hoisted }, children), headers);
}

/** Metadata details always carry the Guid list; lists need includeGuids=1 (API-NOTES §2). */
function metadata(state: PlexState, request: EmulatorRequest, ids: string): EmulatorResponse {
  const items = lookup(state, ids);
  const first = items[0];
  if (!first) return pmsError(404);
  return containerFor(state, first, {}, items.map((item) => itemNode(state.library, item, { includeGuids: true })), {}, request);
}

/**
 * A show's children are its seasons, preceded by an "All episodes" directory (JSON puts it under `Directory`,
 * the seasons under `Metadata`, as in the legacy spec's /children example); a season's are its episodes, an
 * artist's its albums, an album's its tracks; a leaf has none.
 */
function children(state: PlexState, request: EmulatorRequest, ids: string): EmulatorResponse {
  const parent = lookup(state, ids)[0];
  if (!parent) return pmsError(404);
  const page = paged(state, request, state.library.children(parent));
  if (!page) return pmsError(400);
  const includeGuids = flag(request, 'includeGuids');
  const nodes = page.items.map((item) => itemNode(state.library, item, { includeGuids }));
  const grandparent = state.library.parent(parent);
  const attrs: Record<string, unknown> = { ...page.attrs, key: String(parent.ratingKey), title1: grandparent?.title ?? state.library.section(parent.sectionId)?.title, title2: parent.title, viewGroup: page.items[0]?.type ?? parent.type };
  if (parent.type === 'season' || parent.type === 'album') Object.assign(attrs, { parentIndex: parent.index, parentTitle: parent.title, grandparentTitle: grandparent?.title, grandparentRatingKey: grandparent ? String(grandparent.ratingKey) : undefined });
  if (parent.type === 'show' || parent.type === 'artist') Object.assign(attrs, { parentTitle: parent.title, parentYear: parent.year });
  if (parent.type === 'show') {
    const leaves = state.library.leaves(parent);
    nodes.unshift(node('Directory', { leafCount: leaves.length, viewedLeafCount: leaves.filter((leaf) => leaf.viewCount > 0).length, key: `/library/metadata/${parent.ratingKey}/allLeaves`, title: 'All episodes' }));
  }
  return containerFor(state, parent, attrs, nodes, page.headers, request);
}

function allLeaves(state: PlexState, request: EmulatorRequest, ids: string): EmulatorResponse {
  const parent = lookup(state, ids)[0];
  if (!parent) return pmsError(404);
  const page = paged(state, request, state.library.leaves(parent));
  if (!page) return pmsError(400);
  const includeGuids = flag(request, 'includeGuids');
  const nodes = page.items.map((item) => itemNode(state.library, item, { includeGuids }));
  return containerFor(state, parent, { ...page.attrs, key: String(parent.ratingKey), title2: parent.title, viewGroup: page.items[0]?.type ?? 'episode' }, nodes, page.headers, request);
}
