import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeedWorld } from '../emulators/seed/index';
import { keys } from '../integration/emulators/plex/fixture-world';
import { itemFor, sectionId, startPlexHarness, type PlexHarness } from '../integration/emulators/plex/harness';
import { loadSpec, ResponseValidator, validateSpecDocument, type OpenApiSpec } from './support/openapi';

/**
 * The Plex Media Server emulator against the community Plex specs in ../shared/specs: the current
 * plex-api-spec.yaml (OAS 3.1.1) wherever it declares an endpoint, the legacy edition where only it does
 * (/library/sections, /children). Every endpoint the app uses is called over HTTP and its JSON validated. Where
 * the real server is known to differ from a spec, a test named after the difference shows both sides.
 */
const current: OpenApiSpec = loadSpec('plex-api-spec.yaml');
const legacy: OpenApiSpec = loadSpec('plex-api-spec.legacy-dereferenced.yaml');

/**
 * The current spec declares some responses by reference (`'200': {$ref: '#/components/responses/…'}`, e.g. the
 * playlist item operations); the shared validator looks only at inline responses, so follow the reference here.
 */
const currentValidator = new ResponseValidator(current);
const legacyValidator = new ResponseValidator(legacy);

let plex: PlexHarness;
beforeAll(async () => {
  plex = await startPlexHarness();
});
afterAll(async () => plex.close());

/** Calls the emulator and validates the JSON body against the spec's schema for that operation and status. */
async function conforms(validator: ResponseValidator, method: string, template: string, response: Response, status = 200): Promise<{ MediaContainer: Record<string, unknown> & { Metadata?: Array<Record<string, unknown>> } }> {
  const body = (await response.json()) as { MediaContainer: Record<string, unknown> & { Metadata?: Array<Record<string, unknown>> } };
  expect(response.status, JSON.stringify(body).slice(0, 500)).toBe(status);
  const check = validator.check(method, template, status, body);
  expect(check.errors, `${method} ${template}`).toEqual([]);
  return body;
}

/** For operations the spec answers with `text/html: {}` (no schema): the status must be one it declares, the body empty. */
async function declaredEmpty(spec: OpenApiSpec, method: string, template: string, response: Response): Promise<void> {
  const responses = (spec.paths[template]?.[method] as { responses: Record<string, unknown> }).responses;
  expect(Object.keys(responses)).toContain(String(response.status));
  expect(response.status).toBeLessThan(300);
  expect(await response.text()).toBe('');
}

function uri(ratingKeys: Array<number | string>): string {
  return encodeURIComponent(`server://${plex.state.library.machineIdentifier}/com.plexapp.plugins.library/library/metadata/${ratingKeys.join(',')}`);
}

describe('Plex contract: the specs themselves', () => {
  it('plex-api-spec.yaml is a valid OpenAPI 3.1 document', async () => {
    expect(current.openapi).toBe('3.1.1');
    const result = await validateSpecDocument(current);
    expect(result.errors).toBeFalsy();
    expect(result.valid).toBe(true);
  });

  it('plex-api-spec.legacy-dereferenced.yaml is a valid OpenAPI 3.1 document too', async () => {
    expect(legacy.openapi).toBe('3.1.0');
    expect((await validateSpecDocument(legacy)).valid).toBe(true);
  });
});

describe('Plex contract: Media Server responses validate against plex-api-spec.yaml', () => {
  it('GET /identity', async () => {
    await conforms(currentValidator, 'get', '/identity', await plex.pms('/identity', { token: null }));
  });

  it('GET /library/sections/{sectionId}/all for every section, with includeGuids=1, by type and paged', async () => {
    for (const section of plex.state.library.sections) {
      await conforms(currentValidator, 'get', '/library/sections/{sectionId}/all', await plex.pms(`/library/sections/${section.id}/all?includeGuids=1`));
    }
    const anime = sectionId(plex.state, 'anime');
    await conforms(currentValidator, 'get', '/library/sections/{sectionId}/all', await plex.pms(`/library/sections/${anime}/all?type=4&includeGuids=1&X-Plex-Container-Start=10&X-Plex-Container-Size=20`));
    await conforms(currentValidator, 'get', '/library/sections/{sectionId}/all', await plex.pms(`/library/sections/${sectionId(plex.state, 'music')}/all?type=10`));
  });

  it('GET /library/metadata/{ids} for every kind of item, one and several at a time', async () => {
    const kinds = ['show', 'season', 'episode', 'movie', 'artist', 'album', 'track'];
    const samples = kinds.map((kind) => [...plex.state.library.items.values()].find((item) => item.type === kind)?.ratingKey);
    for (const ratingKey of samples) await conforms(currentValidator, 'get', '/library/metadata/{ids}', await plex.pms(`/library/metadata/${ratingKey}`));
    await conforms(currentValidator, 'get', '/library/metadata/{ids}', await plex.pms(`/library/metadata/${samples.join(',')}`));
  });

  it('GET /library/metadata/{ids}/allLeaves', async () => {
    await conforms(currentValidator, 'get', '/library/metadata/{ids}/allLeaves', await plex.pms(`/library/metadata/${itemFor(plex.state, keys.splitShow, 'show').ratingKey}/allLeaves`));
  });

  it('PUT /:/scrobble, /:/unscrobble and /:/rate answer a declared status with the empty body the spec allows', async () => {
    const episode = [...plex.state.library.items.values()].find((item) => item.type === 'episode');
    const query = `identifier=com.plexapp.plugins.library&key=${episode?.ratingKey}`;
    await declaredEmpty(current, 'put', '/:/scrobble', await plex.pms(`/:/scrobble?${query}`, { method: 'PUT' }));
    await declaredEmpty(current, 'put', '/:/unscrobble', await plex.pms(`/:/unscrobble?${query}`, { method: 'PUT' }));
    await declaredEmpty(current, 'put', '/:/rate', await plex.pms(`/:/rate?${query}&rating=8`, { method: 'PUT' }));
  });

  it('playlists: POST, GET /playlists, GET one, its items, add, move, remove, clear, edit, delete', async () => {
    const tracks = plex.state.library.sectionItems(plex.state.library.sections[3]!, 'track').map((track) => track.ratingKey);
    const created = await conforms(currentValidator, 'post', '/playlists', await plex.pms(`/playlists?type=audio&title=Contract&smart=0&uri=${uri(tracks.slice(0, 2))}`, { method: 'POST' }));
    const id = String(created.MediaContainer.Metadata?.[0]?.ratingKey);
    await conforms(currentValidator, 'get', '/playlists', await plex.pms('/playlists?playlistType=audio'));
    await conforms(currentValidator, 'get', '/playlists/{playlistId}', await plex.pms(`/playlists/${id}`));
    await conforms(currentValidator, 'put', '/playlists/{playlistId}/items', await plex.pms(`/playlists/${id}/items?uri=${uri(tracks.slice(2))}`, { method: 'PUT' }));
    const items = await conforms(currentValidator, 'get', '/playlists/{playlistId}/items', await plex.pms(`/playlists/${id}/items`));
    const entryIds = items.MediaContainer.Metadata?.map((item) => String(item.playlistItemID)) ?? [];
    await conforms(currentValidator, 'put', '/playlists/{playlistId}/items/{playlistItemId}/move', await plex.pms(`/playlists/${id}/items/${entryIds[2]}/move?after=${entryIds[0]}`, { method: 'PUT' }));
    await conforms(currentValidator, 'delete', '/playlists/{playlistId}/items/{generatorId}', await plex.pms(`/playlists/${id}/items/${entryIds[1]}`, { method: 'DELETE' }));
    await conforms(currentValidator, 'delete', '/playlists/{playlistId}/items', await plex.pms(`/playlists/${id}/items`, { method: 'DELETE' }));
    await declaredEmpty(current, 'put', '/playlists/{playlistId}', await plex.pms(`/playlists/${id}?title=Renamed`, { method: 'PUT' }));
    await declaredEmpty(current, 'delete', '/playlists/{playlistId}', await plex.pms(`/playlists/${id}`, { method: 'DELETE' }));
  });

  it('collections: create, list a section’s, items, add, move, remove, delete', async () => {
    const movies = sectionId(plex.state, 'movies');
    const members = plex.state.library.sectionItems(plex.state.library.section(movies)!, 'movie').map((movie) => movie.ratingKey);
    const created = await conforms(currentValidator, 'post', '/library/collections', await plex.pms(`/library/collections?type=1&title=Contract&smart=0&sectionId=${movies}&uri=${uri(members.slice(0, 1))}`, { method: 'POST' }));
    const id = String(created.MediaContainer.Metadata?.[0]?.ratingKey);
    await conforms(currentValidator, 'get', '/library/sections/{sectionId}/collections', await plex.pms(`/library/sections/${movies}/collections`));
    await conforms(currentValidator, 'put', '/library/collections/{collectionId}/items', await plex.pms(`/library/collections/${id}/items?uri=${uri(members.slice(1))}`, { method: 'PUT' }));
    await conforms(currentValidator, 'get', '/library/collections/{collectionId}/items', await plex.pms(`/library/collections/${id}/items`));
    await conforms(currentValidator, 'put', '/library/collections/{collectionId}/items/{itemId}/move', await plex.pms(`/library/collections/${id}/items/${members[2]}/move`, { method: 'PUT' }));
    await conforms(currentValidator, 'put', '/library/collections/{collectionId}/items/{itemId}', await plex.pms(`/library/collections/${id}/items/${members[0]}`, { method: 'PUT' }));
    await declaredEmpty(current, 'delete', '/library/sections/{sectionId}/collection/{collectionId}', await plex.pms(`/library/sections/${movies}/collection/${id}`, { method: 'DELETE' }));
  });
});

describe('Plex contract: the generated small seed', () => {
  it('every section, every show’s seasons and every season’s episodes validate', async () => {
    const seeded = await startPlexHarness({ world: buildSeedWorld('small') });
    try {
      for (const section of seeded.state.library.sections) {
        await conforms(currentValidator, 'get', '/library/sections/{sectionId}/all', await seeded.pms(`/library/sections/${section.id}/all?includeGuids=1`));
      }
      const parents = [...seeded.state.library.items.values()].filter((item) => ['show', 'season', 'artist', 'album'].includes(item.type));
      for (const parent of parents) {
        await conforms(legacyValidator, 'get', '/library/metadata/{ratingKey}/children', await seeded.pms(`/library/metadata/${parent.ratingKey}/children?includeGuids=1`));
      }
      await conforms(currentValidator, 'get', '/library/metadata/{ids}', await seeded.pms(`/library/metadata/${parents.map((parent) => parent.ratingKey).join(',')}`));
    } finally {
      await seeded.close();
    }
  });
});

describe('Plex contract: endpoints only the legacy spec declares', () => {
  it('GET /library/sections (the current spec has only /library/sections/all)', async () => {
    await conforms(legacyValidator, 'get', '/library/sections', await plex.pms('/library/sections'));
  });

  it('GET /library/metadata/{ratingKey}/children: the current spec dropped /children, real servers still serve it', async () => {
    expect(current.paths['/library/metadata/{ids}/children']).toBeUndefined();
    const show = itemFor(plex.state, keys.splitShow, 'show');
    const album = [...plex.state.library.items.values()].find((item) => item.type === 'album');
    for (const parent of [show, plex.state.library.children(show)[0], plex.state.library.parent(album!), album]) {
      await conforms(legacyValidator, 'get', '/library/metadata/{ratingKey}/children', await plex.pms(`/library/metadata/${parent?.ratingKey}/children?includeGuids=1`));
    }
  });
});

describe('Plex contract: where the real server differs from the specs', () => {
  it('LibrarySection.hidden is 0 on real servers (0|1|2, as the legacy spec and captured responses have it); the current spec says boolean', async () => {
    const response = await plex.pms('/library/sections/all');
    const body = (await response.json()) as { MediaContainer: { Directory: Array<{ hidden: unknown }> } };
    const check = currentValidator.check('get', '/library/sections/all', 200, body);
    expect(check.errors.length).toBe(body.MediaContainer.Directory.length);
    expect(check.errors.every((error) => /^\/MediaContainer\/Directory\/\d+\/hidden must be boolean/.test(error))).toBe(true);
    expect(body.MediaContainer.Directory.map((section) => section.hidden)).toEqual([0, 0, 0, 0]);
    expect(legacyValidator.check('get', '/library/sections', 200, body).errors).toEqual([]);
  });

  it('without X-Plex-Container-Size PMS returns the whole list, not the spec parameter’s default page of 50', async () => {
    const parameters = current.components as { parameters: Record<string, { schema: { default?: number } }> };
    expect(parameters.parameters['X-Plex-Container-Size']?.schema.default).toBe(50);
    const show = itemFor(plex.state, keys.absoluteShow, 'show');
    const body = await conforms(currentValidator, 'get', '/library/metadata/{ids}/allLeaves', await plex.pms(`/library/metadata/${show.ratingKey}/allLeaves`));
    expect(body.MediaContainer.Metadata).toHaveLength(101);
    expect(body.MediaContainer.totalSize).toBeUndefined();
  });

  it('metadata type numbers: the spec’s MediaType enum says artist 5, album 6, track 7; PMS uses 8, 9, 10 as the spec’s own type table does', async () => {
    const schemas = current.components as { schemas: Record<string, { description?: string }> };
    expect(schemas.schemas.MediaType?.description).toContain('7 = track');
    const music = sectionId(plex.state, 'music');
    const byType = async (type: number) => (await plex.container(`/library/sections/${music}/all?type=${type}`)).Metadata?.map((item) => item.type) ?? [];
    expect(new Set(await byType(10))).toEqual(new Set(['track']));
    expect(new Set(await byType(9))).toEqual(new Set(['album']));
    expect(new Set(await byType(8))).toEqual(new Set(['artist']));
    expect(await byType(7)).toEqual([]);
  });

  it('PMS answers 401 with an HTML page, not the JSON `errors` body the legacy spec declares', async () => {
    const operation = legacy.paths['/library/metadata/{ratingKey}/children']?.get as { responses: Record<string, { content: Record<string, unknown> }> };
    expect(Object.keys(operation.responses['401']?.content ?? {})).toEqual(['application/json']);
    const response = await plex.pms(`/library/metadata/${itemFor(plex.state, keys.splitShow, 'show').ratingKey}/children`, { token: null });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toBe('<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>');
  });

  it('POST /playlists needs title and type, which the current spec’s operation leaves out (the legacy spec lists them)', async () => {
    const names = (spec: OpenApiSpec) => ((spec.paths['/playlists']?.post as { parameters?: Array<{ name?: string }> }).parameters ?? []).map((parameter) => parameter.name);
    expect(names(current)).not.toContain('title');
    expect(names(legacy)).toEqual(expect.arrayContaining(['title', 'type', 'smart', 'uri']));
    const track = plex.state.library.sectionItems(plex.state.library.section(sectionId(plex.state, 'music'))!, 'track')[0];
    expect((await plex.pms(`/playlists?smart=0&uri=${uri([track!.ratingKey])}`, { method: 'POST' })).status).toBe(400);
  });

  it('removing a collection item is PUT in the spec but DELETE from python-plexapi; the emulator takes both', async () => {
    expect(Object.keys(current.paths['/library/collections/{collectionId}/items/{itemId}'] ?? {})).toEqual(['put']);
    const movies = sectionId(plex.state, 'movies');
    const members = plex.state.library.sectionItems(plex.state.library.section(movies)!, 'movie').map((movie) => movie.ratingKey);
    const created = await conforms(currentValidator, 'post', '/library/collections', await plex.pms(`/library/collections?type=1&title=Both&smart=0&sectionId=${movies}&uri=${uri(members)}`, { method: 'POST' }));
    const id = String(created.MediaContainer.Metadata?.[0]?.ratingKey);
    await conforms(currentValidator, 'put', '/library/collections/{collectionId}/items/{itemId}', await plex.pms(`/library/collections/${id}/items/${members[0]}`, { method: 'DELETE' }));
  });
});
