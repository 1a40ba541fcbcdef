import { describe, expect, it } from 'vitest';
import { cookieValues, expiredSessionCookie, sessionCookie, SESSION_COOKIE } from '../../../../../main/hosts/server/sessions';
import { createLoginToken } from '../../../../../main/hosts/server/credentials';
import { secretsEqual, randomSecret } from '../../../../../main/hosts/server/credentials';
import { createSessionStore } from '../../../../../main/hosts/server/sessions';

describe('secrets', () => {
  it('makes 32-byte base64url secrets that differ each time', () => {
    const a = randomSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomSecret()).not.toBe(a);
  });

  it('compares whatever the lengths', () => {
    expect(secretsEqual('abc', 'abc')).toBe(true);
    expect(secretsEqual('abc', 'abd')).toBe(false);
    expect(secretsEqual('abc', '')).toBe(false);
    expect(secretsEqual('abc', 'abcabc')).toBe(false);
  });
});

describe('login token', () => {
  it('is accepted once, then reported as used; other strings are invalid', () => {
    const token = createLoginToken();
    expect(token.consume('nope')).toBe('invalid');
    expect(token.consume(token.value)).toBe('accepted');
    expect(token.consume(token.value)).toBe('already_used');
    expect(token.consume(`${token.value}x`)).toBe('invalid');
  });
});

describe('session store', () => {
  it('knows its sessions and forgets revoked ones', () => {
    const sessions = createSessionStore();
    const id = sessions.create();
    expect(sessions.touch(id)).toBe(true);
    expect(sessions.touch('someone-else')).toBe(false);
    sessions.revoke(id);
    expect(sessions.touch(id)).toBe(false);
  });

  it('expires a session after the idle time, but not one in use', () => {
    let now = 0;
    const sessions = createSessionStore({ idleMs: 1000, now: () => now });
    const idle = sessions.create();
    const busy = sessions.create();
    for (now = 400; now <= 1600; now += 400) expect(sessions.touch(busy)).toBe(true);
    expect(sessions.touch(idle)).toBe(false);
    now += 1001;
    expect(sessions.touch(busy)).toBe(false);
    expect(sessions.size).toBe(0);
  });

  it('drops the least recently used session when full', () => {
    const sessions = createSessionStore();
    const first = sessions.create();
    const second = sessions.create();
    sessions.touch(first);
    for (let i = 0; i < 62; i += 1) sessions.create();
    expect(sessions.size).toBe(64);
    sessions.create();
    expect(sessions.touch(second)).toBe(false);
    expect(sessions.touch(first)).toBe(true);
  });

  it('clear() signs everyone out', () => {
    const sessions = createSessionStore();
    const id = sessions.create();
    sessions.clear();
    expect(sessions.touch(id)).toBe(false);
  });
});

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Strict, for the whole site, and not Secure on plain HTTP', () => {
    const cookie = sessionCookie('abc');
    expect(cookie).toBe(`${SESSION_COOKIE}=abc; HttpOnly; SameSite=Strict; Path=/`);
    expect(cookie).not.toMatch(/Secure/);
    expect(expiredSessionCookie()).toMatch(/Max-Age=0/);
  });

  it('finds every value under the name, ignoring look-alikes', () => {
    const header = `other=1; ${SESSION_COOKIE}=first; x${SESSION_COOKIE}=no; ${SESSION_COOKIE}=second;${SESSION_COOKIE}=`;
    expect(cookieValues(header, SESSION_COOKIE)).toEqual(['first', 'second']);
    expect(cookieValues(undefined, SESSION_COOKIE)).toEqual([]);
    expect(cookieValues('garbage', SESSION_COOKIE)).toEqual([]);
  });
});
