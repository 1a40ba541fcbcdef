import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CLIENT, DEMO_REDIRECT, VERIFIER, startMal, type MalFixture } from './mal-fixture';
import { smallWorld } from './world-fixture';

const WEB = { clientId: 'web-client-id', clientSecret: 'web-secret', redirectUris: ['https://app.example/cb', 'https://app.example/other'], name: 'Web app' };
const OTHER = { clientId: DEMO_CLIENT, clientSecret: null, redirectUris: [DEMO_REDIRECT], name: 'Kizuna (demo)' };
const INVALID_REQUEST = 'The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.';

let mal: MalFixture | undefined;
afterEach(async () => {
  await mal?.close();
  mal = undefined;
});

function authorizeUrl(params: Record<string, string>): string {
  return `${mal!.base}/v1/oauth2/authorize?${new URLSearchParams({ response_type: 'code', client_id: DEMO_CLIENT, state: 'st4te', code_challenge: VERIFIER, ...params }).toString()}`;
}

/** Runs the authorize step with auto-approve and returns the code from the redirect. */
async function codeFor(params: Record<string, string> = {}): Promise<string> {
  const response = await fetch(authorizeUrl(params), { redirect: 'manual' });
  expect(response.status, await response.clone().text()).toBe(302);
  return new URL(response.headers.get('location') ?? '').searchParams.get('code') ?? '';
}

async function tokenRequest(form: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(`${mal!.base}/v1/oauth2/token`, { method: 'POST', body: new URLSearchParams(form), headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('MAL emulator: OAuth 2 authorization code with PKCE plain', () => {
  it('shows an approve page, and Allow redirects with the code and state', async () => {
    mal = await startMal(smallWorld());
    const page = await fetch(authorizeUrl({ redirect_uri: DEMO_REDIRECT }), { redirect: 'manual' });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Kizuna (demo)');
    const requestId = /name="request_id" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const approve = await fetch(`${mal.base}/v1/oauth2/authorize`, { method: 'POST', body: new URLSearchParams({ request_id: requestId, decision: 'approve' }), redirect: 'manual' });
    expect(approve.status).toBe(302);
    const location = new URL(approve.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(DEMO_REDIRECT);
    expect(location.searchParams.get('state')).toBe('st4te');
    const { status, body } = await tokenRequest({ grant_type: 'authorization_code', client_id: DEMO_CLIENT, code: location.searchParams.get('code') ?? '', code_verifier: VERIFIER, redirect_uri: DEMO_REDIRECT });
    expect(status).toBe(200);
    expect(body).toEqual({ token_type: 'Bearer', expires_in: 3600, access_token: expect.any(String) as unknown, refresh_token: expect.any(String) as unknown });
    const me = await fetch(`${mal.base}/v2/users/@me`, { headers: { authorization: `Bearer ${String(body.access_token)}` } });
    expect(me.status).toBe(200);
  });

  it('Deny sends access_denied back to the app with the state', async () => {
    mal = await startMal(smallWorld());
    const html = await (await fetch(authorizeUrl({}))).text();
    const requestId = /name="request_id" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const deny = await fetch(`${mal.base}/v1/oauth2/authorize`, { method: 'POST', body: new URLSearchParams({ request_id: requestId, decision: 'deny' }), redirect: 'manual' });
    const location = new URL(deny.headers.get('location') ?? '');
    expect(Object.fromEntries(location.searchParams)).toMatchObject({ state: 'st4te', error: 'access_denied', hint: 'The user denied the request' });
  });

  it('checks the challenge: required, 43-128 unreserved characters, plain only', async () => {
    mal = await startMal(smallWorld(), { autoApprove: true });
    const cases: Array<[Record<string, string>, string]> = [
      [{ code_challenge: 'a'.repeat(42) }, 'Code challenge must follow the specifications of RFC-7636.'],
      [{ code_challenge: 'a'.repeat(129) }, 'Code challenge must follow the specifications of RFC-7636.'],
      [{ code_challenge: `${'a'.repeat(42)}+` }, 'Code challenge must follow the specifications of RFC-7636.'],
      [{ code_challenge_method: 'S256' }, 'Code challenge method must be one of `plain`'],
    ];
    for (const [params, hint] of cases) {
      const response = await fetch(authorizeUrl(params), { redirect: 'manual' });
      expect(response.status, JSON.stringify(params)).toBe(400);
      expect(await response.json()).toEqual({ error: 'invalid_request', message: INVALID_REQUEST, hint });
    }
    const missing = new URL(authorizeUrl({}));
    missing.searchParams.delete('code_challenge');
    expect(await (await fetch(missing)).json()).toMatchObject({ error: 'invalid_request', hint: 'Check the `code_challenge` parameter' });
    expect((await fetch(authorizeUrl({ code_challenge: 'a'.repeat(128), code_challenge_method: 'plain' }), { redirect: 'manual' })).status).toBe(302);
  });

  it('refuses unknown clients, unregistered redirect URIs and other response types', async () => {
    mal = await startMal(smallWorld(), { autoApprove: true, limits: { clients: [OTHER, WEB] } });
    expect((await fetch(authorizeUrl({ client_id: 'nobody' }))).status).toBe(401);
    expect(await (await fetch(authorizeUrl({ redirect_uri: 'http://127.0.0.1:9999/callback' }))).json()).toEqual({ error: 'invalid_client', message: 'Client authentication failed' });
    // Two registered URIs: redirect_uri may no longer be left out.
    expect((await fetch(authorizeUrl({ client_id: WEB.clientId }))).status).toBe(401);
    expect((await fetch(authorizeUrl({ response_type: 'token' }))).status).toBe(400);
  });

  it('refuses a wrong verifier, a reused code, a mismatched redirect_uri and a badly formed verifier', async () => {
    mal = await startMal(smallWorld(), { autoApprove: true });
    const code = await codeFor();
    const base = { grant_type: 'authorization_code', client_id: DEMO_CLIENT, code };
    expect(await tokenRequest({ ...base, code_verifier: `${VERIFIER}x` })).toEqual({
      status: 400,
      body: { error: 'invalid_grant', message: expect.stringContaining('The provided authorization grant') as unknown, hint: 'Failed to verify `code_verifier`.' },
    });
    expect((await tokenRequest({ ...base, code_verifier: 'short' })).body).toMatchObject({ error: 'invalid_request', hint: 'Code Verifier must follow the specifications of RFC-7636.' });
    expect((await tokenRequest(base)).body).toMatchObject({ error: 'invalid_request', hint: 'Check the `code_verifier` parameter' });
    // The authorize request left redirect_uri out, so the token request must too (league compares exactly).
    expect((await tokenRequest({ ...base, code_verifier: VERIFIER, redirect_uri: DEMO_REDIRECT })).body).toMatchObject({ hint: 'Invalid redirect URI' });
    expect((await tokenRequest({ ...base, code_verifier: VERIFIER })).status).toBe(200);
    expect(await tokenRequest({ ...base, code_verifier: VERIFIER })).toEqual({ status: 400, body: { error: 'invalid_request', message: INVALID_REQUEST, hint: 'Authorization code has been revoked' } });
    expect((await tokenRequest({ ...base, code: 'made-up', code_verifier: VERIFIER })).body).toMatchObject({ hint: 'Cannot decrypt the authorization code' });

    const withRedirect = await codeFor({ redirect_uri: DEMO_REDIRECT });
    expect((await tokenRequest({ ...base, code: withRedirect, code_verifier: VERIFIER })).body).toMatchObject({ hint: 'Check the `redirect_uri` parameter' });
    expect((await tokenRequest({ ...base, code: withRedirect, code_verifier: VERIFIER, redirect_uri: DEMO_REDIRECT })).status).toBe(200);

    const stale = await codeFor();
    mal.clock.advance(601_000);
    expect((await tokenRequest({ ...base, code: stale, code_verifier: VERIFIER })).body).toMatchObject({ hint: 'Authorization code has expired' });
    expect((await tokenRequest({ ...base, grant_type: 'password' })).body).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('needs the secret from a Web client (body or Basic) and none from a public client', async () => {
    mal = await startMal(smallWorld(), { autoApprove: true, limits: { clients: [OTHER, WEB] } });
    const web = { client_id: WEB.clientId, redirect_uri: WEB.redirectUris[0]! };
    const exchange = async (extra: Record<string, string>, headers: Record<string, string> = {}) =>
      tokenRequest({ grant_type: 'authorization_code', code: await codeFor(web), code_verifier: VERIFIER, redirect_uri: web.redirect_uri, ...extra }, headers);
    expect(await exchange({ client_id: WEB.clientId })).toMatchObject({ status: 401, body: { error: 'invalid_client', message: 'Client authentication failed' } });
    expect((await exchange({ client_id: WEB.clientId, client_secret: 'wrong' })).status).toBe(401);
    expect((await exchange({ client_id: WEB.clientId, client_secret: WEB.clientSecret })).status).toBe(200);
    const basic = `Basic ${Buffer.from(`${WEB.clientId}:${WEB.clientSecret}`).toString('base64')}`;
    expect((await exchange({}, { authorization: basic })).status).toBe(200);
    // The code belongs to the Web client; the public client cannot redeem it.
    expect((await exchange({ client_id: DEMO_CLIENT })).body).toMatchObject({ hint: 'Authorization code was not issued to this client' });
    const publicCode = await codeFor();
    expect((await tokenRequest({ grant_type: 'authorization_code', client_id: DEMO_CLIENT, code: publicCode, code_verifier: VERIFIER })).status).toBe(200);
  });

  it('refreshes: a new pair, the old refresh and access tokens revoked, other clients refused', async () => {
    mal = await startMal(smallWorld(), { autoApprove: true, limits: { clients: [OTHER, WEB], accessTokenSeconds: 2_678_400 } });
    const first = await tokenRequest({ grant_type: 'authorization_code', client_id: DEMO_CLIENT, code: await codeFor(), code_verifier: VERIFIER });
    expect(first.body.expires_in).toBe(2_678_400);
    const refreshed = await tokenRequest({ grant_type: 'refresh_token', client_id: DEMO_CLIENT, refresh_token: String(first.body.refresh_token) });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.access_token).not.toBe(first.body.access_token);
    const oldAccess = await fetch(`${mal.base}/v2/users/@me`, { headers: { authorization: `Bearer ${String(first.body.access_token)}` } });
    expect(oldAccess.status).toBe(401);
    const newAccess = await fetch(`${mal.base}/v2/users/@me`, { headers: { authorization: `Bearer ${String(refreshed.body.access_token)}` } });
    expect(newAccess.status).toBe(200);
    expect(await tokenRequest({ grant_type: 'refresh_token', client_id: DEMO_CLIENT, refresh_token: String(first.body.refresh_token) })).toEqual({
      status: 401,
      body: { error: 'invalid_request', message: 'The refresh token is invalid.', hint: 'Token has been revoked' },
    });
    const secondRefresh = String(refreshed.body.refresh_token);
    expect((await tokenRequest({ grant_type: 'refresh_token', client_id: WEB.clientId, client_secret: WEB.clientSecret, refresh_token: secondRefresh })).body).toMatchObject({
      hint: 'Token is not linked to client',
    });
    expect((await tokenRequest({ grant_type: 'refresh_token', client_id: DEMO_CLIENT, refresh_token: 'garbage' })).body).toMatchObject({ hint: 'Cannot decrypt the refresh token' });
    mal.clock.advance(32 * 86_400_000);
    expect((await tokenRequest({ grant_type: 'refresh_token', client_id: DEMO_CLIENT, refresh_token: secondRefresh })).body).toMatchObject({ hint: 'Token has expired' });
  });
});
