import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../../../../shared/contract';
import { call, httpFailure, parseAnswer } from '../../../../../main/auth/flows/http';
import { readJwt } from '../../../../../main/auth/flows/jwt';
import { abortableSleep, openInBrowser, resolveDeps, type SignInPrompt } from '../../../../../main/auth/flows/types';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('readJwt', () => {
  it('reads exp and sub from a well-formed JWT without checking the signature', () => {
    expect(readJwt(`${b64({ alg: 'HS256' })}.${b64({ exp: 123, sub: '42', aud: 'x' })}.c2ln`)).toMatchObject({ exp: 123, sub: '42' });
  });

  it('refuses anything that is not three base64url parts with JSON inside', () => {
    for (const bad of ['', 'abc', 'a.b', 'a.b.c.d', `${b64({})}.not json!.x`, `${b64({})}.${Buffer.from('nope').toString('base64url')}.x`, `${b64({})}.${b64({ exp: 'soon' })}.x`]) {
      expect(readJwt(bad), bad).toBeUndefined();
    }
  });
});

describe('flow helpers', () => {
  it('a malformed answer is an AppError naming the service, the step and the field', () => {
    const schema = z.object({ access_token: z.string(), nested: z.object({ id: z.number() }) });
    expect(() => parseAnswer(schema, { access_token: 'x', nested: { id: 'one' } }, 'trakt', 'the token refresh')).toThrow(/Trakt sent an unexpected answer to the token refresh: field "nested.id"/);
    expect(() => parseAnswer(schema, undefined, 'mal', 'the token exchange')).toThrow(/field "\(the whole answer\)"/);
  });

  it('HTTP failures carry the OAuth error text and a code the UI can act on', () => {
    expect(httpFailure('mal', 'the token exchange', { status: 400, json: { error: 'invalid_grant', message: 'Failed to verify `code_verifier`.' } }).message).toBe(
      'MyAnimeList refused the token exchange: HTTP 400 (invalid_grant: Failed to verify `code_verifier`.).',
    );
    expect(httpFailure('trakt', 'x', { status: 401, json: undefined }).code).toBe('unauthenticated');
    expect(httpFailure('trakt', 'x', { status: 429, json: undefined }).code).toBe('rate_limited');
    expect(httpFailure('anilist', 'x', { status: 503, json: undefined }).code).toBe('unavailable');
  });

  it('a network failure names the host only, never the query that may hold a code', async () => {
    const deps = resolveDeps({ browser: { open: () => Promise.resolve(true) }, fetch: () => Promise.reject(new TypeError('fetch failed')) });
    const error = await call(deps, { service: 'plex', step: 'the PIN check', url: 'https://plex.tv/api/v2/pins/1?X-Plex-Token=secret-value' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('network');
    expect((error as AppError).message).toContain('https://plex.tv');
    expect((error as AppError).message).not.toContain('secret-value');
  });

  it('a browser that throws counts as no browser, and the URL goes to the prompt', async () => {
    const prompts: SignInPrompt[] = [];
    const deps = resolveDeps({ browser: { open: () => Promise.reject(new Error('no display')) }, onPrompt: (prompt) => void prompts.push(prompt) });
    expect(await openInBrowser(deps, 'mal', 'https://example.test/authorize')).toBe(false);
    expect(prompts).toEqual([{ kind: 'open-url', service: 'mal', url: 'https://example.test/authorize', browserOpened: false, message: 'Open this address in a browser to sign in to MyAnimeList: https://example.test/authorize' }]);
  });

  it('the default sleep stops when the sign-in is cancelled', async () => {
    const controller = new AbortController();
    const sleeping = abortableSleep(60_000, controller.signal);
    controller.abort();
    await expect(sleeping).rejects.toMatchObject({ name: 'AbortError' });
    await expect(abortableSleep(1)).resolves.toBeUndefined();
  });
});
