import { afterEach, describe, expect, it } from 'vitest';
import { plexTvHeaders, startPlexHarness, type PlexHarness } from './harness';

let harness: PlexHarness;
afterEach(async () => harness?.close());

interface PinBody {
  id: number;
  code: string;
  product: string;
  clientIdentifier: string;
  expiresIn: number;
  createdAt: string;
  expiresAt: string;
  authToken: string | null;
  qr: string;
}

async function createPin(strong = true, headers = plexTvHeaders()): Promise<Response> {
  return fetch(`${harness.plextvUrl}/api/v2/pins${strong ? '?strong=true' : ''}`, { method: 'POST', headers });
}

async function poll(id: number, headers = plexTvHeaders()): Promise<Response> {
  return fetch(`${harness.plextvUrl}/api/v2/pins/${id}`, { headers });
}

async function approve(code: string, clientID = 'kizuna-test-client'): Promise<Response> {
  return fetch(`${harness.plextvUrl}/auth/approve`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, clientID }) });
}

describe('plex.tv PIN sign-in', () => {
  it('creates a strong PIN pending until the user approves it on the auth page, then hands out a token', async () => {
    harness = await startPlexHarness();
    const created = await createPin();
    expect(created.status).toBe(201);
    const pin = (await created.json()) as PinBody;
    expect(pin).toMatchObject({ product: 'Kizuna', clientIdentifier: 'kizuna-test-client', authToken: null, expiresIn: 1800 });
    expect(pin.code).toMatch(/^[a-z0-9]{25}$/);
    expect(Date.parse(pin.expiresAt) - Date.parse(pin.createdAt)).toBe(1_800_000);

    harness.clock.advance(5_000);
    const pending = (await (await poll(pin.id)).json()) as PinBody;
    expect(pending).toMatchObject({ authToken: null, expiresIn: 1795 });

    expect((await approve(pin.code)).status).toBe(200);
    const claimed = (await (await poll(pin.id)).json()) as PinBody;
    expect(claimed.authToken).toMatch(/^[\w-]{20}$/);

    const user = await fetch(`${harness.plextvUrl}/api/v2/user`, { headers: plexTvHeaders({ 'x-plex-token': claimed.authToken ?? '' }) });
    expect(user.status).toBe(200);
  });

  it('makes short PINs for plex.tv/link: four characters, 900 seconds', async () => {
    harness = await startPlexHarness();
    const pin = (await (await createPin(false)).json()) as PinBody;
    expect(pin.code).toMatch(/^[A-Z0-9]{4}$/);
    expect(pin.expiresIn).toBe(900);
  });

  it('with auto-approve, answers the first poll pending and the next with a token', async () => {
    harness = await startPlexHarness({ autoApprove: true });
    const pin = (await (await createPin()).json()) as PinBody;
    expect(((await (await poll(pin.id)).json()) as PinBody).authToken).toBeNull();
    expect(((await (await poll(pin.id)).json()) as PinBody).authToken).toMatch(/^[\w-]{20}$/);
  });

  it('forgets an expired PIN: 404 "Code not found or expired", and the auth page cannot claim it', async () => {
    harness = await startPlexHarness();
    const pin = (await (await createPin()).json()) as PinBody;
    harness.clock.advance(1_800_000);
    const expired = await poll(pin.id);
    expect(expired.status).toBe(404);
    expect(await expired.json()).toEqual({ errors: [{ code: 1020, message: 'Code not found or expired' }] });
    expect((await approve(pin.code)).status).toBe(410);
  });

  it('does not show a PIN to another client identifier', async () => {
    harness = await startPlexHarness();
    const pin = (await (await createPin()).json()) as PinBody;
    expect((await poll(pin.id, plexTvHeaders({ 'x-plex-client-identifier': 'someone-else' }))).status).toBe(404);
  });

  it('answers 400 code 1000 when X-Plex-Client-Identifier or X-Plex-Product is missing', async () => {
    harness = await startPlexHarness();
    const noClient = await createPin(true, { accept: 'application/json', 'x-plex-product': 'Kizuna' });
    expect(noClient.status).toBe(400);
    expect(await noClient.json()).toEqual({ errors: [{ code: 1000, message: 'X-Plex-Client-Identifier is missing', status: 400 }] });
    const noProduct = await createPin(true, { accept: 'application/json', 'x-plex-client-identifier': 'kizuna-test-client' });
    expect(noProduct.status).toBe(400);
    expect(await noProduct.json()).toEqual({ errors: [{ code: 1000, message: 'X-Plex-Product is missing', status: 400 }] });
  });

  it('accepts the X-Plex-* values as query parameters', async () => {
    harness = await startPlexHarness();
    const response = await fetch(`${harness.plextvUrl}/api/v2/pins?strong=true&X-Plex-Product=Kizuna&X-Plex-Client-Identifier=query-client`, { method: 'POST', headers: { accept: 'application/json' } });
    expect(response.status).toBe(201);
    expect(((await response.json()) as PinBody).clientIdentifier).toBe('query-client');
  });

  it('serves an auth page that reads the PIN code from the URL fragment and posts it back', async () => {
    harness = await startPlexHarness({ autoApprove: true });
    const page = await fetch(`${harness.plextvUrl}/auth`);
    expect(page.headers.get('content-type')).toContain('text/html');
    const body = await page.text();
    expect(body).toContain('location.hash');
    expect(body).toContain("fetch('/auth/approve'");
    expect(body).toContain('"autoApprove":true');
  });
});

describe('plex.tv account', () => {
  it('answers /user with the account for a valid token and 401 code 1001 otherwise', async () => {
    harness = await startPlexHarness();
    const ok = await fetch(`${harness.plextvUrl}/api/v2/user`, { headers: plexTvHeaders({ 'x-plex-token': harness.userToken() }) });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ id: 12345678, username: 'kizuna-demo', uuid: 'a4f43c1ebfde43a5', authToken: harness.userToken() });
    const bad = await fetch(`${harness.plextvUrl}/api/v2/user`, { headers: plexTvHeaders({ 'x-plex-token': 'not-a-token' }) });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ errors: [{ code: 1001, message: 'User could not be authenticated', status: 401 }] });
  });

  it('lists the server in /resources with its own token and a reachable local connection', async () => {
    harness = await startPlexHarness();
    const response = await fetch(`${harness.plextvUrl}/api/v2/resources?includeHttps=1&includeRelay=1&includeIPv6=1`, { headers: plexTvHeaders({ 'x-plex-token': harness.userToken() }) });
    const [server, ...others] = (await response.json()) as Array<Record<string, unknown> & { connections: Array<{ uri: string; local: boolean; relay: boolean }> }>;
    expect(others).toEqual([]);
    expect(server).toMatchObject({ provides: 'server', name: 'Kizuna Test Server', clientIdentifier: '546684a3d18ac5c39037360ec9ce900b7af9cc36', accessToken: harness.serverToken() });
    expect(server?.connections).toEqual([{ protocol: 'http', address: '127.0.0.1', port: Number(new URL(harness.plexUrl).port), uri: harness.plexUrl, local: true, relay: false, IPv6: false }]);
    const identity = await fetch(`${server?.connections[0]?.uri}/library/sections`, { headers: { accept: 'application/json', 'x-plex-token': String(server?.accessToken) } });
    expect(identity.status).toBe(200);
  });

  it('answers XML without Accept: application/json', async () => {
    harness = await startPlexHarness();
    const response = await fetch(`${harness.plextvUrl}/api/v2/user`, { headers: { 'x-plex-client-identifier': 'c', 'x-plex-token': harness.userToken() } });
    expect(response.headers.get('content-type')).toContain('application/xml');
    expect(await response.text()).toMatch(/<user [^>]*username="kizuna-demo"/);
  });

  it('stops accepting a token the expire-token fault revoked', async () => {
    harness = await startPlexHarness({ faults: { rules: [{ service: 'plextv', path: '/api/v2/user', times: 1, action: { kind: 'expire-token' } }] } });
    const headers = plexTvHeaders({ 'x-plex-token': harness.userToken() });
    expect((await fetch(`${harness.plextvUrl}/api/v2/user`, { headers })).status).toBe(401);
    expect((await fetch(`${harness.plextvUrl}/api/v2/user`, { headers })).status).toBe(401);
    expect(harness.log.forService('plextv').map((entry) => entry.fault ?? '-')).toEqual(['expire-token', '-']);
  });
});
