import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMal, VERIFIER, type MalFixture } from '../integration/emulators/mal/mal-fixture';
import { smallWorld } from '../integration/emulators/mal/world-fixture';
import { loadSpec, ResponseValidator, validateSpecDocument, type OpenApiSpec } from './support/openapi';

/**
 * The MAL emulator against MAL's own published OpenAPI document (../shared/specs/mal-openapi.json). Every
 * endpoint the app uses is called on the emulator and its real response validated against the spec's
 * schema. Where the real service is known to differ from the spec (API-NOTES.md, "Known differences" and
 * §4), a test named after the difference shows the spec saying one thing and the emulator doing the other.
 */
const spec: OpenApiSpec = loadSpec('mal-openapi.json');
const validator = new ResponseValidator(spec);
const listStatusExtras = 'priority,num_times_rewatched,rewatch_value,tags,comments,start_date,finish_date';
const animeNodeFields = `id,title,main_picture,alternative_titles,start_date,end_date,synopsis,mean,rank,popularity,num_list_users,num_scoring_users,nsfw,genres,created_at,updated_at,media_type,status,num_episodes,start_season,source,average_episode_duration,rating,studios,my_list_status{${listStatusExtras}}`;
const mangaNodeFields = 'id,title,main_picture,alternative_titles,start_date,end_date,synopsis,mean,rank,popularity,num_list_users,num_scoring_users,nsfw,genres,created_at,updated_at,media_type,status,num_volumes,num_chapters,authors,my_list_status{priority,tags,comments}';
const detailsOnly = 'pictures,background,related_anime,related_manga,recommendations';

let mal: MalFixture;
let token: string;
beforeAll(async () => {
  mal = await startMal(smallWorld(), { autoApprove: true });
  token = mal.token();
});
afterAll(async () => {
  await mal.close();
});

type Operation = { parameters?: Array<{ name: string; in: string }>; requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } };
const operation = (path: string, method: string) => spec.paths[path]?.[method] as Operation;

/** Calls the emulator and validates the JSON body against the spec's schema for that operation and status. */
async function conforms(method: string, template: string, response: Response): Promise<unknown> {
  const body: unknown = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(200);
  const check = validator.check(method, template, response.status, body);
  expect(check.errors, `${method} ${template}`).toEqual([]);
  expect(check.valid).toBe(true);
  return body;
}

describe('MAL contract: the spec itself', () => {
  it('is a valid OpenAPI 3.0 document', async () => {
    expect(spec.openapi).toBe('3.0.0');
    const result = await validateSpecDocument(spec);
    expect(result.errors).toBeFalsy();
    expect(result.valid).toBe(true);
  });
});

describe('MAL contract: emulator responses validate against mal-openapi.json', () => {
  it('GET /users/{user_name}/animelist with list_status and every node field', async () => {
    const body = (await conforms('get', '/users/{user_name}/animelist', await mal.get(`/v2/users/@me/animelist?fields=${animeNodeFields},list_status{${listStatusExtras}}&nsfw=true&limit=2`, { token }))) as {
      data: unknown[];
      paging: { next?: string };
    };
    expect(body.data).toHaveLength(2);
    expect(body.paging.next).toBeDefined();
  });

  it('GET /users/{user_name}/mangalist', async () => {
    await conforms('get', '/users/{user_name}/mangalist', await mal.get(`/v2/users/@me/mangalist?fields=${mangaNodeFields},list_status{priority,tags,num_times_reread,reread_value}`, { token }));
  });

  it('GET /anime/{anime_id} and /manga/{manga_id} with every field, details-only ones included', async () => {
    await conforms('get', '/anime/{anime_id}', await mal.get(`/v2/anime/31646?fields=${animeNodeFields},${detailsOnly}`, { token }));
    await conforms('get', '/anime/{anime_id}', await mal.get('/v2/anime/9201', { token }));
    await conforms('get', '/manga/{manga_id}', await mal.get(`/v2/manga/2?fields=${mangaNodeFields},${detailsOnly},serialization`, { token }));
  });

  it('GET /anime and /manga (search)', async () => {
    await conforms('get', '/anime', await mal.get(`/v2/anime?q=lion&fields=${animeNodeFields}`, { token }));
    await conforms('get', '/manga', await mal.get('/v2/manga?q=berserk&fields=num_chapters,num_volumes,media_type', { token: null, clientId: 'kizuna-demo-mal' }));
  });

  it('GET /users/{user_name} (@me) with anime_statistics', async () => {
    await conforms('get', '/users/{user_name}', await mal.get('/v2/users/@me?fields=anime_statistics', { token }));
  });

  it('PATCH /anime/{anime_id}/my_list_status and /manga/{manga_id}/my_list_status', async () => {
    await conforms('patch', '/anime/{anime_id}/my_list_status', await mal.send('PATCH', '/v2/anime/32998/my_list_status', { status: 'watching', num_watched_episodes: '2', tags: 'a,b', start_date: '2026-11-01' }, token));
    await conforms('patch', '/manga/{manga_id}/my_list_status', await mal.send('PATCH', '/v2/manga/2/my_list_status', { num_chapters_read: '130', is_rereading: 'false' }, token));
  });

  it('DELETE …/my_list_status: the spec gives no schema, only the example null, which the emulator sends', async () => {
    const example = (operation('/anime/{anime_id}/my_list_status', 'delete') as unknown as { responses: Record<string, { content: Record<string, { examples: { response: { value: unknown } } }> }> }).responses;
    expect(validator.schemaPointer('delete', '/anime/{anime_id}/my_list_status', 200)).toBeUndefined();
    expect(example['200']?.content['application/json']?.examples.response.value).toBeNull();
    const response = await mal.send('DELETE', '/v2/anime/9201/my_list_status', {}, token);
    expect(response.status).toBe(200);
    expect(await response.json()).toBeNull();
    expect((await mal.send('DELETE', '/v2/anime/9201/my_list_status', {}, token)).status).toBe(404);
  });
});

describe('MAL contract: where the real service differs from its spec', () => {
  it('PUT vs PATCH: the spec declares only PATCH (operationId …_put, curl sample -X PUT); the emulator serves both', async () => {
    const path = spec.paths['/anime/{anime_id}/my_list_status'] as Record<string, { operationId?: string; 'x-code-samples'?: Array<{ source: string }> }>;
    expect(path.put).toBeUndefined();
    expect(path.patch?.operationId).toBe('anime_anime_id_my_list_status_put');
    expect(path.patch?.['x-code-samples']?.[0]?.source).toContain('-X PUT');
    await conforms('patch', '/anime/{anime_id}/my_list_status', await mal.send('PUT', '/v2/anime/31646/my_list_status', { score: '10' }, token));
    await conforms('patch', '/manga/{manga_id}/my_list_status', await mal.send('PUT', '/v2/manga/2/my_list_status', { score: '9' }, token));
  });

  it('num_watched_episodes vs num_episodes_watched: requests take the first, responses say the second', async () => {
    const request = operation('/anime/{anime_id}/my_list_status', 'patch').requestBody?.content['application/x-www-form-urlencoded']?.schema.properties ?? {};
    const response = (spec.components as { schemas: Record<string, { properties: Record<string, unknown> }> }).schemas.AnimeListStatus?.properties ?? {};
    expect(Object.keys(request)).toContain('num_watched_episodes');
    expect(Object.keys(response)).toContain('num_episodes_watched');
    const updated = (await (await mal.send('PATCH', '/v2/anime/31646/my_list_status', { num_watched_episodes: '5' }, token)).json()) as Record<string, unknown>;
    expect(updated).toMatchObject({ num_episodes_watched: 5 });
    expect(updated).not.toHaveProperty('num_watched_episodes');
    const refused = await mal.send('PATCH', '/v2/anime/31646/my_list_status', { num_episodes_watched: '6' }, token);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ message: 'This form should not contain extra fields.', error: 'bad_request' });
  });

  it('OAuth labelled "implicit" in the spec is an authorization-code flow with PKCE plain and a token endpoint', async () => {
    const flows = (spec.components as { securitySchemes: { main_auth: { flows: Record<string, unknown> } } }).securitySchemes.main_auth.flows;
    expect(Object.keys(flows)).toEqual(['implicit']);
    const implicit = await fetch(`${mal.base}/v1/oauth2/authorize?response_type=token&client_id=kizuna-demo-mal&code_challenge=${VERIFIER}`);
    expect(implicit.status).toBe(400);
    expect(await implicit.json()).toMatchObject({ error: 'unsupported_grant_type' });
    const approved = await fetch(`${mal.base}/v1/oauth2/authorize?response_type=code&client_id=kizuna-demo-mal&code_challenge=${VERIFIER}`, { redirect: 'manual' });
    const code = new URL(approved.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const exchanged = await fetch(`${mal.base}/v1/oauth2/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code', client_id: 'kizuna-demo-mal', code, code_verifier: VERIFIER }) });
    expect(await exchanged.json()).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String) as unknown, refresh_token: expect.any(String) as unknown });
  });

  it('/users/{user_name} declares its path parameter as user_id; the emulator serves /users/@me', async () => {
    const parameters = operation('/users/{user_name}', 'get').parameters ?? [];
    expect(parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name)).toEqual(['user_id']);
    await conforms('get', '/users/{user_name}', await mal.get('/v2/users/@me', { token }));
  });

  it('the user-list operations declare neither fields nor nsfw; the real service honours both', async () => {
    const names = (operation('/users/{user_name}/animelist', 'get').parameters ?? []).map((parameter) => parameter.name);
    expect(names).not.toContain('fields');
    expect(names).not.toContain('nsfw');
    const safe = (await conforms('get', '/users/{user_name}/animelist', await mal.get('/v2/users/@me/animelist?fields=list_status', { token }))) as { data: Array<{ node: { id: number } }> };
    const all = (await conforms('get', '/users/{user_name}/animelist', await mal.get('/v2/users/@me/animelist?fields=list_status&nsfw=true', { token }))) as { data: unknown[] };
    expect(safe.data.map((edge) => edge.node.id)).not.toContain(99999);
    expect(all.data.length).toBe(safe.data.length + 1);
  });

  it('start_date and finish_date are taken by updates though the spec’s request body lists neither', async () => {
    const request = operation('/anime/{anime_id}/my_list_status', 'patch').requestBody?.content['application/x-www-form-urlencoded']?.schema.properties ?? {};
    expect(Object.keys(request)).not.toContain('start_date');
    const body = await conforms('patch', '/anime/{anime_id}/my_list_status', await mal.send('PATCH', '/v2/anime/9201/my_list_status', { start_date: '2026-01-05', finish_date: '2026-02-01' }, token));
    expect(body).toMatchObject({ start_date: '2026-01-05', finish_date: '2026-02-01' });
  });

  it('list dates are format: date in the spec, yet MAL dates may be partial ("2017-10", its own Common formats)', async () => {
    const body = (await (await mal.send('PATCH', '/v2/anime/32998/my_list_status', { start_date: '2017-10' }, token)).json()) as Record<string, unknown>;
    expect(body.start_date).toBe('2017-10');
    const check = validator.check('patch', '/anime/{anime_id}/my_list_status', 200, body);
    expect(check.valid).toBe(false);
    expect(check.errors).toEqual([expect.stringMatching(/^\/start_date must match format "date"/) as unknown]);
  });

  it('errors: the spec documents only 200s (and a 404 example for DELETE); the service answers 400/401/403 in its common error format', async () => {
    expect(Object.keys((spec.paths['/users/{user_name}/animelist']?.get as { responses: object }).responses)).toEqual(['200']);
    const unauthorised = await mal.get('/v2/users/@me/animelist', { token: 'expired-or-invalid' });
    expect([unauthorised.status, await unauthorised.json()]).toEqual([401, { error: 'invalid_token', message: 'token is invalid' }]);
    const badLimit = await mal.get('/v2/users/@me/animelist?limit=1001', { token });
    expect(badLimit.status).toBe(400);
    expect(await badLimit.json()).toMatchObject({ error: 'bad_request', message: expect.any(String) as unknown });
  });
});
