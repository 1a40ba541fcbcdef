import type { EmulatorRequest, EmulatorResponse } from '../common/http-types';
import { hexFrom } from './ids';
import { emptyOk, node, pmsError, pmsResponse } from './format';
import { paged } from './library-routes';
import { typeFromNumber, type PlexItem } from './model';
import { itemNode, sectionContainerAttrs } from './render';
import { route, type Route } from './router';
import type { PlexState } from './state';
import { ratingKeysFromUri } from './query';

/**
 * Collections (current spec only): create in a section from a uri, list a section's, read, add, remove and move
 * items, delete. A collection is a metadata item of type `collection` (18) whose children are its members;
 * members stay where they are in the library.
 *
 * Removing an item is declared as PUT …/items/{itemId} in the spec; python-plexapi sends DELETE to the same path,
 * so both work. Deleting is DELETE /library/sections/{sectionId}/collection/{collectionId} in the spec and
 * DELETE /library/collections/{collectionId} from python-plexapi (a collection's own key); both work.
 */
export function collectionRoutes(state: PlexState): Route[] {
  const find = (id: string | undefined) => {
    const item = state.library.get(id ?? '');
    return item?.type === 'collection' ? item : undefined;
  };
  const withCollection = (id: string | undefined, answer: (collection: PlexItem) => EmulatorResponse) => {
    const collection = find(id);
    return collection ? answer(collection) : pmsError(404);
  };
  const remove = (request: EmulatorRequest, params: Record<string, string>) => withCollection(params.collectionId, (collection) => removeItem(state, request, collection, params.itemId ?? ''));
  const destroy = (collection: PlexItem) => (state.library.remove(collection.ratingKey), emptyOk());
  return [
    route('POST', '/library/collections', (request) => create(state, request)),
    route('GET', '/library/sections/{sectionId}/collections', (request, params) => list(state, request, params.sectionId ?? '')),
    route('GET', '/library/collections/{collectionId}/items', (request, params) => withCollection(params.collectionId, (collection) => members(state, request, collection))),
    route('GET', '/library/collections/{collectionId}/children', (request, params) => withCollection(params.collectionId, (collection) => members(state, request, collection))),
    route('PUT', '/library/collections/{collectionId}/items', (request, params) => withCollection(params.collectionId, (collection) => addItems(state, request, collection))),
    route(['PUT', 'DELETE'], '/library/collections/{collectionId}/items/{itemId}', remove),
    route('PUT', '/library/collections/{collectionId}/items/{itemId}/move', (request, params) => withCollection(params.collectionId, (collection) => move(state, request, collection, params.itemId ?? ''))),
    route('DELETE', '/library/sections/{sectionId}/collection/{collectionId}', (_request, params) => withCollection(params.collectionId, (collection) => (String(collection.sectionId) === params.sectionId ? destroy(collection) : pmsError(404)))),
    route('DELETE', '/library/collections/{collectionId}', (_request, params) => withCollection(params.collectionId, destroy)),
  ];
}

function one(state: PlexState, request: EmulatorRequest, collection: PlexItem): EmulatorResponse {
  return pmsResponse(request, node('MediaContainer', { size: 1 }, [itemNode(state.library, collection, { includeGuids: false })]));
}

/** Members named by a uri, all in the collection's section; anything else is the spec's 400. */
function membersFromUri(state: PlexState, uri: string | null, sectionId: number): PlexItem[] | undefined {
  if (uri === null) return [];
  const parsed = ratingKeysFromUri(uri, state.library.machineIdentifier);
  if (!parsed.ok) return undefined;
  const found = parsed.ratingKeys.map((key) => state.library.get(key));
  return found.every((item): item is PlexItem => item !== undefined && item.sectionId === sectionId && item.type !== 'collection') ? found : undefined;
}

/**
 * POST /library/collections?type=1&title=…&smart=0&sectionId=…&uri=…: 400 when the section is unknown or the
 * title missing. Smart collections are not emulated (400).
 */
function create(state: PlexState, request: EmulatorRequest): EmulatorResponse {
  const query = request.url.searchParams;
  const section = state.library.section(query.get('sectionId') ?? '');
  const title = query.get('title');
  if (!section || !title || query.get('smart') === '1') return pmsError(400);
  const members = membersFromUri(state, query.get('uri'), section.id);
  if (!members) return pmsError(400);
  const typeText = query.get('type');
  const subtype = (typeText !== null ? typeFromNumber(Number(typeText)) : undefined) ?? members[0]?.type ?? section.type;
  const now = state.nowSeconds();
  const ratingKey = state.library.allocateKey();
  const collection = state.library.add({ ratingKey, type: 'collection', sectionId: section.id, title, subtype, guid: `collection://${hexFrom(`collection:${ratingKey}`, 32)}`, externalGuids: [], genres: [], childKeys: [], index: 0, viewCount: 0, addedAt: now, updatedAt: now });
  for (const member of members) if (!collection.childKeys.includes(member.ratingKey)) collection.childKeys.push(member.ratingKey);
  return one(state, request, collection);
}

function list(state: PlexState, request: EmulatorRequest, sectionId: string): EmulatorResponse {
  const section = state.library.section(sectionId);
  if (!section) return pmsError(404);
  const page = paged(state, request, state.library.collections(section));
  if (!page) return pmsError(400);
  const nodes = page.items.map((collection) => itemNode(state.library, collection, { includeGuids: false }));
  return pmsResponse(request, node('MediaContainer', { size: nodes.length, ...page.attrs, ...sectionContainerAttrs(section), title1: section.title, title2: 'Collections', viewGroup: 'collection' }, nodes), page.headers);
}

function members(state: PlexState, request: EmulatorRequest, collection: PlexItem): EmulatorResponse {
  const page = paged(state, request, state.library.children(collection));
  if (!page) return pmsError(400);
  const nodes = page.items.map((item) => itemNode(state.library, item, { includeGuids: false }));
  return pmsResponse(request, node('MediaContainer', { size: nodes.length, ...page.attrs, key: String(collection.ratingKey), title2: collection.title, viewGroup: collection.subtype }, nodes), page.headers);
}

function addItems(state: PlexState, request: EmulatorRequest, collection: PlexItem): EmulatorResponse {
  const added = membersFromUri(state, request.url.searchParams.get('uri'), collection.sectionId);
  if (!added || added.length === 0) return pmsError(400);
  for (const member of added) if (!collection.childKeys.includes(member.ratingKey)) collection.childKeys.push(member.ratingKey);
  collection.updatedAt = state.nowSeconds();
  return one(state, request, collection);
}

/** "Item not found" is a 400 in the spec, not a 404 (that is for the collection). */
function removeItem(state: PlexState, request: EmulatorRequest, collection: PlexItem, itemId: string): EmulatorResponse {
  const index = collection.childKeys.indexOf(Number(itemId));
  if (index < 0) return pmsError(400);
  collection.childKeys.splice(index, 1);
  collection.updatedAt = state.nowSeconds();
  return one(state, request, collection);
}

function move(state: PlexState, request: EmulatorRequest, collection: PlexItem, itemId: string): EmulatorResponse {
  const from = collection.childKeys.indexOf(Number(itemId));
  const afterText = request.url.searchParams.get('after');
  const after = afterText === null ? undefined : Number(afterText);
  if (from < 0 || (after !== undefined && !collection.childKeys.includes(after))) return pmsError(400);
  collection.childKeys.splice(from, 1);
  collection.childKeys.splice(after === undefined ? 0 : collection.childKeys.indexOf(after) + 1, 0, Number(itemId));
  collection.updatedAt = state.nowSeconds();
  return members(state, request, collection);
}
