import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plexTvHeaders, startPlexHarness, type PlexHarness } from '../integration/emulators/plex/harness';
import { loadSpec, ResponseValidator, type OpenApiSpec } from './support/openapi';

/**
 * The plex.tv emulator against the Plex specs: PINs only in the legacy edition (plex-api-spec.legacy-dereferenced.yaml),
 * /user and /resources in the current one (plex-api-spec.yaml; both editions put them on https://plex.tv/api/v2).
 * Both spec documents are checked for validity in plex.test.ts.
 */
const current: OpenApiSpec = loadSpec('plex-api-spec.yaml');
const legacy: OpenApiSpec = loadSpec('plex-api-spec.legacy-dereferenced.yaml');
const currentValidator = new ResponseValidator(current);
const legacyValidator = new ResponseValidator(legacy);

let plex: PlexHarness;
beforeAll(async () => {
  plex = await startPlexHarness();
});
afterAll(async () => plex.close());

async function conforms(validator: ResponseValidator, method: string, template: string, response: Response, status: number): Promise<Record<string, unknown>> {
  const body = (await response.json()) as Record<string, unknown>;
  expect(response.status, JSON.stringify(body).slice(0, 500)).toBe(status);
  expect(validator.check(method, template, status, body).errors, `${method} ${template} ${status}`).toEqual([]);
  return body;
}

const api = (path: string) => `${plex.plextvUrl}/api/v2${path}`;

describe('plex.tv contract: PINs validate against the legacy spec', () => {
  it('POST /pins (201), GET /pins/{pinID} pending and claimed (200)', async () => {
    const pin = await conforms(legacyValidator, 'post', '/pins', await fetch(api('/pins?strong=true'), { method: 'POST', headers: plexTvHeaders() }), 201);
    await conforms(legacyValidator, 'get', '/pins/{pinID}', await fetch(api(`/pins/${String(pin.id)}`), { headers: plexTvHeaders() }), 200);
    plex.state.pins.claim(String(pin.code));
    const claimed = await conforms(legacyValidator, 'get', '/pins/{pinID}', await fetch(api(`/pins/${String(pin.id)}`), { headers: plexTvHeaders() }), 200);
    expect(claimed.authToken).toEqual(expect.any(String));
  });

  it('GET /pins/{pinID} once expired (404) and without X-Plex-Client-Identifier (400)', async () => {
    const pin = await conforms(legacyValidator, 'post', '/pins', await fetch(api('/pins'), { method: 'POST', headers: plexTvHeaders() }), 201);
    await conforms(legacyValidator, 'get', '/pins/{pinID}', await fetch(api(`/pins/${String(pin.id)}`), { headers: { accept: 'application/json' } }), 400);
    plex.clock.advance(900_000);
    await conforms(legacyValidator, 'get', '/pins/{pinID}', await fetch(api(`/pins/${String(pin.id)}`), { headers: plexTvHeaders() }), 404);
  });

  it('POST /pins without X-Plex-Client-Identifier (400)', async () => {
    await conforms(legacyValidator, 'post', '/pins', await fetch(api('/pins?strong=true'), { method: 'POST', headers: { accept: 'application/json', 'x-plex-product': 'Kizuna' } }), 400);
  });
});

describe('plex.tv contract: /user and /resources validate against plex-api-spec.yaml', () => {
  it('GET /user: 200 with a valid token, 401 without', async () => {
    await conforms(currentValidator, 'get', '/user', await fetch(api('/user'), { headers: plexTvHeaders({ 'x-plex-token': plex.userToken() }) }), 200);
    await conforms(currentValidator, 'get', '/user', await fetch(api('/user'), { headers: plexTvHeaders() }), 401);
  });

  it('GET /resources: 200 with a valid token, 401 with an invalid one', async () => {
    const resources = await fetch(api('/resources?includeHttps=1&includeRelay=1&includeIPv6=1'), { headers: plexTvHeaders({ 'x-plex-token': plex.userToken() }) });
    await conforms(currentValidator, 'get', '/resources', resources, 200);
    await conforms(currentValidator, 'get', '/resources', await fetch(api('/resources'), { headers: plexTvHeaders({ 'x-plex-token': 'nope' }) }), 401);
  });
});

describe('plex.tv contract: where the real service differs from the spec', () => {
  it('strong PINs live 1800 s (captured responses); the legacy spec’s documented expiresIn default, 900 s, is the short PIN’s', async () => {
    const schema = (legacy.paths['/pins']?.post as { responses: Record<string, { content: Record<string, { schema: { properties: Record<string, { default?: number }> } }> }> }).responses['201']?.content['application/json']?.schema;
    expect(schema?.properties.expiresIn?.default).toBe(900);
    const strong = await conforms(legacyValidator, 'post', '/pins', await fetch(api('/pins?strong=true'), { method: 'POST', headers: plexTvHeaders() }), 201);
    const short = await conforms(legacyValidator, 'post', '/pins', await fetch(api('/pins'), { method: 'POST', headers: plexTvHeaders() }), 201);
    expect([strong.expiresIn, short.expiresIn]).toEqual([1800, 900]);
  });

  it('X-Plex-Product is needed to create a PIN, though the legacy spec marks it optional', async () => {
    const parameters = (legacy.paths['/pins']?.post as { parameters: Array<{ name: string; required?: boolean }> }).parameters;
    expect(parameters.find((parameter) => parameter.name === 'X-Plex-Product')?.required).toBe(false);
    const response = await fetch(api('/pins?strong=true'), { method: 'POST', headers: { accept: 'application/json', 'x-plex-client-identifier': 'kizuna-test-client' } });
    await conforms(legacyValidator, 'post', '/pins', response, 400);
  });
});
