import { describe, expect, it } from 'vitest';
import { expiringSignIn } from '../../../shared/sign-in-expiry';

const now = new Date('2026-11-22T12:00:00Z');
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();

describe('which sign-ins need the person before they run out', () => {
  it('warns about an AniList token within two weeks of its end, with the days left', () => {
    expect(expiringSignIn({ service: 'anilist', status: 'connected', tokenExpiresAt: inDays(3.5) }, now)).toMatchObject({ daysLeft: 3 });
    expect(expiringSignIn({ service: 'anilist', status: 'connected', tokenExpiresAt: inDays(-1) }, now)).toMatchObject({ daysLeft: 0 });
    expect(expiringSignIn({ service: 'anilist', status: 'connected', tokenExpiresAt: inDays(40) }, now)).toBeNull();
  });

  it('never warns where the token renews itself or does not expire, or the account already needs signing in', () => {
    for (const service of ['mal', 'trakt', 'plex'] as const) expect(expiringSignIn({ service, status: 'connected', tokenExpiresAt: inDays(1) }, now)).toBeNull();
    expect(expiringSignIn({ service: 'anilist', status: 'connected', tokenExpiresAt: null }, now)).toBeNull();
    expect(expiringSignIn({ service: 'anilist', status: 'needs-sign-in', tokenExpiresAt: inDays(1) }, now)).toBeNull();
    expect(expiringSignIn({ service: 'anilist', status: 'connected', tokenExpiresAt: 'not a date' }, now)).toBeNull();
  });
});
