import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { clientId, clientSecret, startTrakt, type TraktHarness } from './harness';

let trakt: TraktHarness;
afterEach(() => trakt.close());

interface DeviceCodeBody {
  device_code: string;
  user_code: string;
  verification_url: string;
  expires_in: number;
  interval: number;
}

async function newCode(extra: Record<string, string> = {}): Promise<DeviceCodeBody> {
  const answer = await trakt.auth('/oauth/device/code', { client_id: clientId, ...extra });
  expect(answer.status).toBe(200);
  return answer.json as DeviceCodeBody;
}

const poll = (code: string, extra: Record<string, string> = { client_secret: clientSecret }) => trakt.auth('/oauth/device/token', { code, client_id: clientId, ...extra });

describe('Trakt device flow', () => {
  it('hands out codes that point at the /activate page on the auth host', async () => {
    trakt = await startTrakt();
    const code = await newCode();
    expect(code.verification_url).toBe(`${trakt.baseUrl}/activate`);
    expect(code).toMatchObject({ expires_in: 600, interval: 5 });
    expect(code.user_code).toMatch(/^[0-9A-F]{8}$/);
  });

  it('answers 400 while pending, 429 when polled faster than the interval, 200 once approved, then 409', async () => {
    trakt = await startTrakt();
    const code = await newCode();
    const pending = await poll(code.device_code);
    expect(pending.status).toBe(400);
    expect(pending.text).toBe('');
    trakt.clock.advance(1000);
    expect((await poll(code.device_code)).status).toBe(429);

    // The person approves on the activation page.
    const page = await fetch(`${trakt.baseUrl}/activate/${code.user_code}`);
    expect(await page.text()).toContain(code.user_code);
    const approved = await fetch(`${trakt.baseUrl}/activate`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `user_code=${code.user_code}&decision=approve` });
    expect(approved.status).toBe(200);

    trakt.clock.advance(5000);
    const tokens = await poll(code.device_code);
    expect(tokens.status).toBe(200);
    expect(tokens.json).toMatchObject({ token_type: 'bearer', scope: 'public', expires_in: 7 * 86400, created_at: Math.floor(trakt.clock.now() / 1000) });
    const { access_token } = tokens.json as { access_token: string };
    expect((await trakt.api('GET', '/users/settings', { token: access_token })).status).toBe(200);

    trakt.clock.advance(5000);
    expect((await poll(code.device_code)).status).toBe(409);
  });

  it('answers 404 for an unknown code, 418 when denied and 410 once expired', async () => {
    trakt = await startTrakt();
    expect((await poll('not-a-code')).status).toBe(404);

    const denied = await newCode();
    expect(trakt.service.state.settleDevice(denied.user_code, false)).toBe(true);
    expect((await poll(denied.device_code)).status).toBe(418);

    const expiring = await newCode();
    trakt.clock.advance(601_000);
    expect((await poll(expiring.device_code)).status).toBe(410);
    const late = await fetch(`${trakt.baseUrl}/activate/${expiring.user_code}`);
    expect(late.status).toBe(404);
  });

  it('rejects a wrong client secret with invalid_client', async () => {
    trakt = await startTrakt();
    const code = await newCode();
    const answer = await poll(code.device_code, { client_secret: 'wrong' });
    expect(answer.status).toBe(401);
    expect(answer.json).toMatchObject({ error: 'invalid_client' });
  });

  it('approves after the first poll when auto-approve is on', async () => {
    trakt = await startTrakt({ autoApprove: true });
    const code = await newCode();
    expect((await poll(code.device_code)).status).toBe(400);
    trakt.clock.advance(5000);
    expect((await poll(code.device_code)).status).toBe(200);
  });

  it('takes a PKCE verifier in place of the client secret (trakt/trakt-api#367)', async () => {
    trakt = await startTrakt({ autoApprove: true });
    const verifier = 'a-very-long-random-verifier-string-for-pkce-0123456789';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const code = await newCode({ code_challenge: challenge, code_challenge_method: 'S256' });
    expect((await poll(code.device_code, { code_verifier: verifier })).status).toBe(400);
    trakt.clock.advance(5000);
    expect((await poll(code.device_code, { code_verifier: 'wrong-verifier' })).status).toBe(401);
    trakt.clock.advance(5000);
    expect((await poll(code.device_code, { code_verifier: verifier })).status).toBe(200);
  });

  it('counts device-token polls under one endpoint', async () => {
    trakt = await startTrakt();
    const code = await newCode();
    await poll(code.device_code);
    await poll('unknown');
    expect(trakt.log.counters('trakt')).toMatchObject({ 'trakt POST /oauth/device/code': 1, 'trakt POST /oauth/device/token': 2 });
  });
});
