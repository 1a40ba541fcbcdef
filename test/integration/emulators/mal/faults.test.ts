import { afterEach, describe, expect, it } from 'vitest';
import { createMalService } from '../../../emulators/mal/index';
import { manualClock } from '../../../emulators/common/clock';
import { DEMO_CLIENT, startMal, type MalFixture } from './mal-fixture';
import { smallWorld } from './world-fixture';

let mal: MalFixture | undefined;
afterEach(async () => {
  await mal?.close();
  mal = undefined;
});

async function refresh(fixture: MalFixture, refreshToken: string) {
  const response = await fetch(`${fixture.base}/v1/oauth2/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'refresh_token', client_id: DEMO_CLIENT, refresh_token: refreshToken }),
  });
  return (await response.json()) as { access_token: string; refresh_token: string };
}

describe('MAL emulator: expiry, faults and the request log', () => {
  it('answers 401 invalid_token once the access token expires by the clock; a refresh gets a working one', async () => {
    mal = await startMal(smallWorld());
    const tokens = mal.service.state.oauth.issueTokens(DEMO_CLIENT);
    expect((await mal.get('/v2/users/@me', { token: tokens.access_token })).status).toBe(200);
    mal.clock.advance(3600 * 1000);
    const expired = await mal.get('/v2/users/@me/animelist', { token: tokens.access_token });
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({ error: 'invalid_token', message: 'token is invalid' });
    const renewed = await refresh(mal, tokens.refresh_token);
    expect((await mal.get('/v2/users/@me/animelist', { token: renewed.access_token })).status).toBe(200);
  });

  it('the expire-token fault expires the token on that request, which then gets the 401', async () => {
    mal = await startMal(smallWorld(), { faults: { rules: [{ service: 'mal', path: '/v2/users/@me/animelist', after: 1, times: 1, action: { kind: 'expire-token' } }] } });
    const tokens = mal.service.state.oauth.issueTokens(DEMO_CLIENT);
    expect((await mal.get('/v2/users/@me/animelist', { token: tokens.access_token })).status).toBe(200);
    expect((await mal.get('/v2/users/@me/animelist', { token: tokens.access_token })).status).toBe(401);
    expect((await mal.get('/v2/users/@me', { token: tokens.access_token })).status).toBe(401);
    const renewed = await refresh(mal, tokens.refresh_token);
    expect((await mal.get('/v2/users/@me/animelist', { token: renewed.access_token })).status).toBe(200);
    expect(mal.log.entries.map((entry) => [entry.endpoint, entry.status, entry.fault ?? null])).toEqual([
      ['GET /v2/users/@me/animelist', 200, null],
      ['GET /v2/users/@me/animelist', 401, 'expire-token'],
      ['GET /v2/users/@me', 401, null],
      ['POST /v1/oauth2/token', 200, null],
      ['GET /v2/users/@me/animelist', 200, null],
    ]);
  });

  it('the rate-limited fault gets MAL’s 403 forbidden, counted under the endpoint', async () => {
    mal = await startMal(smallWorld(), { faults: { rules: [{ path: /^\/v2\/anime\/\d+$/, times: 1, action: { kind: 'rate-limited' } }] } });
    const throttled = await mal.get('/v2/anime/31646');
    expect(throttled.status).toBe(403);
    expect(await throttled.json()).toEqual({ message: '', error: 'forbidden' });
    expect(throttled.headers.get('retry-after')).toBeNull();
    expect((await mal.get('/v2/anime/31646')).status).toBe(200);
    expect(mal.log.counters()).toEqual({ 'mal GET /v2/anime/{anime_id}': 2 });
  });

  it('rejects unknown or malformed limits instead of ignoring them', () => {
    const options = (limits: Record<string, unknown>) => ({ clock: manualClock(), autoApprove: false, limits });
    expect(() => createMalService(smallWorld(), options({ perMinute: 30 }))).toThrow(/unknown limit "perMinute"/);
    expect(() => createMalService(smallWorld(), options({ accessTokenSeconds: -1 }))).toThrow(/accessTokenSeconds/);
    expect(() => createMalService(smallWorld(), options({ clients: [{ clientId: 'x' }] }))).toThrow(/clients/);
  });
});
