import { describe, expect, it } from 'vitest';
import { REAL_PIN_URL } from '../../../emulators/anilist/options';
import { TOKEN_LIFETIME_SECONDS, decodeTokenPayload } from '../../../emulators/anilist/tokens';
import { loadOperation } from '../../../emulators/anilist/operations/index';
import { USER } from './fixtures';
import { useAnilist, type Harness } from './harness';

const start = useAnilist();
const CALLBACK = 'http://127.0.0.1:47824/callback';
const demo = { client_id: 'kizuna-demo', client_secret: 'kizuna-demo-secret', redirect_uri: CALLBACK };

function authorizePath(params: Record<string, string>): string {
  return `/api/v2/oauth/authorize?${new URLSearchParams(params)}`;
}

/** Submits the approval page's form as a browser would. */
async function approve(anilist: Harness, params: Record<string, string>, decision = 'approve'): Promise<URL> {
  const page = await anilist.fetch(authorizePath(params));
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('<button type="submit" name="decision" value="approve">Approve</button>');
  const form = new URLSearchParams([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((match) => [match[1]!, match[2]!.replaceAll('&amp;', '&')]));
  form.set('decision', decision);
  const answer = await anilist.fetch('/api/v2/oauth/authorize', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get('location')!);
}

async function exchange(anilist: Harness, body: Record<string, string>, asForm = false): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await anilist.fetch('/api/v2/oauth/token', {
    method: 'POST',
    headers: { 'content-type': asForm ? 'application/x-www-form-urlencoded' : 'application/json', accept: 'application/json' },
    body: asForm ? new URLSearchParams(body).toString() : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('AniList emulator: OAuth', () => {
  it('authorization code: approve page, redirect with code and state, exchange for a one-year JWT that works', async () => {
    const anilist = await start();
    const landed = await approve(anilist, { client_id: 'kizuna-demo', redirect_uri: CALLBACK, response_type: 'code', state: 'xyz' });
    expect(`${landed.origin}${landed.pathname}`).toBe(CALLBACK);
    expect(landed.searchParams.get('state')).toBe('xyz');
    const code = landed.searchParams.get('code')!;

    const { status, body } = await exchange(anilist, { grant_type: 'authorization_code', ...demo, code });
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS, access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/) });
    const token = body.access_token as string;
    const payload = decodeTokenPayload(token);
    const now = Math.floor(anilist.clock.now() / 1000);
    expect(payload).toMatchObject({ sub: String(USER.id), aud: 'kizuna-demo', iat: now, exp: now + TOKEN_LIFETIME_SECONDS });

    const viewer = await anilist.gql(loadOperation('Viewer'), {}, token);
    expect(viewer.body.data?.Viewer).toMatchObject({ id: USER.id });
  });

  it('the token endpoint also takes a form body', async () => {
    const anilist = await start({ autoApprove: true });
    const landed = new URL((await anilist.fetch(authorizePath({ client_id: 'kizuna-demo', redirect_uri: CALLBACK, response_type: 'code' }))).headers.get('location')!);
    expect((await exchange(anilist, { grant_type: 'authorization_code', ...demo, code: landed.searchParams.get('code')! }, true)).status).toBe(200);
  });

  it('codes are single-use and expire after ten minutes', async () => {
    const anilist = await start({ autoApprove: true });
    const codeFor = async () => new URL((await anilist.fetch(authorizePath({ client_id: 'kizuna-demo', response_type: 'code' }))).headers.get('location')!).searchParams.get('code')!;
    const code = await codeFor();
    expect((await exchange(anilist, { grant_type: 'authorization_code', ...demo, code })).status).toBe(200);
    expect(await exchange(anilist, { grant_type: 'authorization_code', ...demo, code })).toEqual({
      status: 400,
      body: { error: 'invalid_request', message: expect.stringContaining('missing a required parameter'), hint: 'Authorization code has been revoked' },
    });
    const late = await codeFor();
    anilist.clock.advance(10 * 60_000);
    expect((await exchange(anilist, { grant_type: 'authorization_code', ...demo, code: late })).body.hint).toBe('Authorization code has expired');
    expect((await exchange(anilist, { grant_type: 'authorization_code', ...demo, code: 'def50200nonsense' })).body.hint).toBe('Cannot decrypt the authorization code');
  });

  it('a wrong secret, a redirect URI that is not exactly the registered one, or an unknown client: invalid_client', async () => {
    const anilist = await start({ autoApprove: true });
    const location = (await anilist.fetch(authorizePath({ client_id: 'kizuna-demo', response_type: 'code' }))).headers.get('location')!;
    const code = new URL(location).searchParams.get('code')!;
    const invalidClient = { status: 401, body: { error: 'invalid_client', message: 'Client authentication failed' } };
    expect(await exchange(anilist, { grant_type: 'authorization_code', ...demo, client_secret: 'wrong', code })).toEqual(invalidClient);
    expect(await exchange(anilist, { grant_type: 'authorization_code', ...demo, redirect_uri: `${CALLBACK}/`, code })).toEqual(invalidClient);
    expect(await exchange(anilist, { grant_type: 'authorization_code', ...demo, redirect_uri: 'http://localhost:47824/callback', code })).toEqual(invalidClient);
    expect(await exchange(anilist, { grant_type: 'authorization_code', ...demo, client_id: 'someone-else', code })).toEqual(invalidClient);
    // None of those used the code up.
    expect((await exchange(anilist, { grant_type: 'authorization_code', ...demo, code })).status).toBe(200);
  });

  it('the authorize page itself refuses a redirect URI that does not match (AniList/docs#143)', async () => {
    const anilist = await start();
    const response = await anilist.fetch(authorizePath({ client_id: 'kizuna-demo', redirect_uri: 'http://127.0.0.1:9999/callback', response_type: 'code' }));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'invalid_client', message: 'Client authentication failed' });
  });

  it('refresh tokens are not supported, nor any grant but authorization_code', async () => {
    const anilist = await start();
    expect(await exchange(anilist, { grant_type: 'refresh_token', ...demo, refresh_token: 'def50200abc' })).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
  });

  it('implicit grant: the token arrives in the fragment of the registered redirect URL', async () => {
    const anilist = await start();
    const landed = await approve(anilist, { client_id: 'kizuna-demo', response_type: 'token', state: 's1' });
    expect(`${landed.origin}${landed.pathname}${landed.search}`).toBe(CALLBACK);
    const fragment = new URLSearchParams(landed.hash.slice(1));
    expect(Object.fromEntries(fragment)).toMatchObject({ token_type: 'Bearer', expires_in: String(TOKEN_LIFETIME_SECONDS), state: 's1' });
    expect((await anilist.gql(loadOperation('Viewer'), {}, fragment.get('access_token'))).status).toBe(200);
  });

  it('auto-approve redirects at once', async () => {
    const anilist = await start({ autoApprove: true });
    const response = await anilist.fetch(authorizePath({ client_id: 'kizuna-demo', response_type: 'token' }));
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toMatch(/^http:\/\/127\.0\.0\.1:47824\/callback#access_token=/);
  });

  it('Cancel redirects back with error=access_denied', async () => {
    const anilist = await start();
    const landed = await approve(anilist, { client_id: 'kizuna-demo', response_type: 'code', state: 'q' }, 'deny');
    expect(Object.fromEntries(landed.searchParams)).toEqual({ error: 'access_denied', state: 'q' });
  });

  it('pin: a client registered with the pin URL lands on the emulator\'s pin page, which shows the token or code', async () => {
    const anilist = await start({ autoApprove: true });
    const implicit = await anilist.fetch(authorizePath({ client_id: 'kizuna-demo-pin', response_type: 'token' }));
    const landed = new URL(implicit.headers.get('location')!);
    expect(`${landed.origin}${landed.pathname}`).toBe(`${anilist.baseUrl}/api/v2/oauth/pin`);
    expect(landed.hash).toMatch(/^#access_token=/);
    const page = await (await anilist.fetch(`${landed.pathname}${landed.search}`)).text();
    expect(page).toContain('<textarea id="pin"');
    expect(page).toContain("params.get('access_token')");

    const code = await anilist.fetch(authorizePath({ client_id: 'kizuna-demo-pin', redirect_uri: REAL_PIN_URL, response_type: 'code' }));
    const codeLanding = new URL(code.headers.get('location')!);
    const codeValue = codeLanding.searchParams.get('code')!;
    expect(await (await anilist.fetch(`${codeLanding.pathname}${codeLanding.search}`)).text()).toContain(codeValue);
    const exchanged = await exchange(anilist, { grant_type: 'authorization_code', client_id: 'kizuna-demo-pin', client_secret: 'kizuna-demo-pin-secret', redirect_uri: REAL_PIN_URL, code: codeValue });
    expect(exchanged.status).toBe(200);
  });

  it('clients can be registered through limits.clients', async () => {
    const anilist = await start({ autoApprove: true, limits: { clients: [{ id: '4242', secret: 's3cret', redirectUri: 'kizuna://auth' }] } });
    const landed = (await anilist.fetch(authorizePath({ client_id: '4242', redirect_uri: 'kizuna://auth', response_type: 'code' }))).headers.get('location')!;
    expect(landed).toMatch(/^kizuna:\/\/auth\?code=def50200/);
    expect((await anilist.fetch(authorizePath({ client_id: 'kizuna-demo', response_type: 'code' }))).status).toBe(401);
  });
});
