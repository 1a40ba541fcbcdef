import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { clientId, clientSecret, redirectUri, startTrakt, type TraktHarness } from './harness';

let trakt: TraktHarness;
afterEach(() => trakt.close());

const authorizeUrl = (extra: Record<string, string> = {}) =>
  `${trakt.baseUrl}/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: redirectUri, state: 's1', ...extra })}`;

async function codeFrom(response: Response): Promise<string> {
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location') ?? '');
  expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
  expect(location.searchParams.get('state')).toBe('s1');
  return location.searchParams.get('code') ?? '';
}

const exchange = (code: string, extra: Record<string, string> = { client_secret: clientSecret }) =>
  trakt.auth('/oauth/token', { code, client_id: clientId, redirect_uri: redirectUri, grant_type: 'authorization_code', ...extra });

const refresh = (refreshToken: string) =>
  trakt.auth('/oauth/token', { refresh_token: refreshToken, client_id: clientId, client_secret: clientSecret, redirect_uri: redirectUri, grant_type: 'refresh_token' });

describe('Trakt authorization code flow', () => {
  it('shows an approval page, and Yes redirects back with a code and the state', async () => {
    trakt = await startTrakt();
    const page = await fetch(authorizeUrl());
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('kizuna-demo');
    const form = new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: redirectUri, state: 's1', decision: 'approve' });
    const approved = await fetch(`${trakt.baseUrl}/oauth/authorize`, { method: 'POST', body: form, redirect: 'manual' });
    const code = await codeFrom(approved);
    const tokens = await exchange(code);
    expect(tokens.status).toBe(200);
    expect(tokens.json).toMatchObject({ token_type: 'bearer', scope: 'public', expires_in: 604800 });
  });

  it('redirects with access_denied when the person says No', async () => {
    trakt = await startTrakt();
    const form = new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: redirectUri, state: 's1', decision: 'deny' });
    const denied = await fetch(`${trakt.baseUrl}/oauth/authorize`, { method: 'POST', body: form, redirect: 'manual' });
    expect(new URL(denied.headers.get('location') ?? '').searchParams.get('error')).toBe('access_denied');
  });

  it('redirects at once with auto-approve, and a code works only once', async () => {
    trakt = await startTrakt({ autoApprove: true });
    const code = await codeFrom(await fetch(authorizeUrl(), { redirect: 'manual' }));
    expect((await exchange(code)).status).toBe(200);
    const again = await exchange(code);
    expect(again.status).toBe(400);
    expect(again.json).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a redirect URI that is not registered exactly, with the real error text', async () => {
    trakt = await startTrakt({ autoApprove: true });
    for (const uri of ['http://127.0.0.1:47825/callback', 'http://localhost:47824/callback', `${redirectUri}/`]) {
      const answer = await fetch(authorizeUrl({ redirect_uri: uri }), { redirect: 'manual' });
      expect(answer.status).toBe(400);
      expect(answer.headers.get('location')).toBeNull();
      expect(await answer.text()).toContain('The requested redirect uri is malformed or doesn&#39;t match client redirect URI.');
    }
  });

  it('fails the exchange with a wrong secret (401 invalid_client) or a different redirect URI (400 invalid_grant)', async () => {
    trakt = await startTrakt({ autoApprove: true });
    const code = await codeFrom(await fetch(authorizeUrl(), { redirect: 'manual' }));
    expect((await exchange(code, { client_secret: 'nope' })).json).toMatchObject({ error: 'invalid_client' });
    const wrongUri = await trakt.auth('/oauth/token', { code, client_id: clientId, client_secret: clientSecret, redirect_uri: 'http://127.0.0.1:1/x', grant_type: 'authorization_code' });
    expect(wrongUri.status).toBe(400);
    expect(wrongUri.json).toEqual({ error: 'invalid_grant', error_description: expect.stringContaining('does not match the redirection URI') });
  });

  it('does not take HTTP Basic client authentication (trakt/trakt-api#903)', async () => {
    trakt = await startTrakt({ autoApprove: true });
    const code = await codeFrom(await fetch(authorizeUrl(), { redirect: 'manual' }));
    const basic = Buffer.from(`${clientId}:${clientSecret}`).toString('base64');
    const response = await fetch(`${trakt.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${basic}` },
      body: JSON.stringify({ code, client_id: clientId, redirect_uri: redirectUri, grant_type: 'authorization_code' }),
    });
    expect(response.status).toBe(401);
  });

  it('takes PKCE S256 in place of the client secret, and checks the verifier', async () => {
    trakt = await startTrakt({ autoApprove: true });
    const verifier = 'kizuna-pkce-verifier-0123456789-0123456789-abcdef';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const first = await codeFrom(await fetch(authorizeUrl({ code_challenge: challenge, code_challenge_method: 'S256' }), { redirect: 'manual' }));
    expect((await exchange(first, { code_verifier: 'wrong' })).json).toMatchObject({ error: 'invalid_grant' });
    const second = await codeFrom(await fetch(authorizeUrl({ code_challenge: challenge, code_challenge_method: 'S256' }), { redirect: 'manual' }));
    const tokens = await exchange(second, { code_verifier: verifier });
    expect(tokens.status).toBe(200);
    // A public client refreshes without a secret too.
    const { refresh_token } = tokens.json as { refresh_token: string };
    const refreshed = await trakt.auth('/oauth/token', { refresh_token, client_id: clientId, redirect_uri: redirectUri, grant_type: 'refresh_token' });
    expect(refreshed.status).toBe(200);
  });

  it('shows the code on a page for the out-of-band redirect URI when the app registered it', async () => {
    trakt = await startTrakt({ autoApprove: true, limits: { clients: [{ id: clientId, secret: clientSecret, redirectUris: ['urn:ietf:wg:oauth:2.0:oob'] }] } });
    const page = await fetch(authorizeUrl({ redirect_uri: 'urn:ietf:wg:oauth:2.0:oob' }));
    const code = /<code id="authorization_code">([0-9a-f]+)<\/code>/.exec(await page.text())?.[1] ?? '';
    const tokens = await trakt.auth('/oauth/token', { code, client_id: clientId, client_secret: clientSecret, redirect_uri: 'urn:ietf:wg:oauth:2.0:oob', grant_type: 'authorization_code' });
    expect(tokens.status).toBe(200);
  });
});

describe('Trakt refresh and revoke', () => {
  it('uses each refresh token once: the old one and its access token stop working', async () => {
    trakt = await startTrakt();
    const first = trakt.service.state.issueToken();
    const renewed = await refresh(first.refresh_token);
    expect(renewed.status).toBe(200);
    const second = renewed.json as { access_token: string; refresh_token: string };
    expect(second.refresh_token).not.toBe(first.refresh_token);

    const reused = await refresh(first.refresh_token);
    expect(reused.status).toBe(400);
    expect(reused.json).toMatchObject({ error: 'invalid_grant' });
    expect((await trakt.api('GET', '/sync/last_activities', { token: first.access_token })).status).toBe(401);
    expect((await trakt.api('GET', '/sync/last_activities', { token: second.access_token })).status).toBe(200);
    expect((await refresh(second.refresh_token)).status).toBe(200);
  });

  it('expires access tokens after expires_in by the clock, and refresh still works', async () => {
    trakt = await startTrakt({ limits: { accessTokenSeconds: 3600 } });
    const tokens = trakt.service.state.issueToken();
    expect(tokens.expires_in).toBe(3600);
    trakt.clock.advance(3600 * 1000);
    const expired = await trakt.api('GET', '/sync/last_activities', { token: tokens.access_token });
    expect(expired.status).toBe(401);
    expect(expired.json).toEqual({ error: 'invalid_token', error_description: 'The access token expired' });
    expect((await refresh(tokens.refresh_token)).status).toBe(200);
  });

  it('revokes an access token: 200, and the token and its refresh token stop working', async () => {
    trakt = await startTrakt();
    const tokens = trakt.service.state.issueToken();
    const revoked = await trakt.auth('/oauth/revoke', { token: tokens.access_token, client_id: clientId, client_secret: clientSecret });
    expect(revoked.status).toBe(200);
    expect((await trakt.api('GET', '/users/settings', { token: tokens.access_token })).json).toMatchObject({ error_description: 'The access token was revoked' });
    expect((await refresh(tokens.refresh_token)).status).toBe(400);
    // Revoking again, or an unknown token, is still 200 (RFC 7009).
    expect((await trakt.auth('/oauth/revoke', { token: 'unknown', client_id: clientId, client_secret: clientSecret })).status).toBe(200);
  });
});
