import { describe, expect, it } from 'vitest';
import { describeExpiry, initials } from '../../../renderer/screens/accounts/format';

const now = Date.parse('2026-11-22T12:00:00Z');
const inHours = (hours: number) => new Date(now + hours * 3_600_000).toISOString();

describe('sign-in expiry wording', () => {
  it('says when a token never expires', () => {
    expect(describeExpiry('plex', null, now)).toEqual({ text: 'Sign-in does not expire', tone: 'normal' });
  });

  it('gives a plain date while the expiry is far off', () => {
    expect(describeExpiry('anilist', inHours(24 * 200), now)).toMatchObject({ tone: 'normal', text: expect.stringMatching(/^Sign-in expires /) });
  });

  it('warns within three days, counting hours when it is close', () => {
    expect(describeExpiry('anilist', inHours(30), now)).toMatchObject({ tone: 'warning', text: expect.stringMatching(/^Sign-in expires in 30 hours \(/) });
    expect(describeExpiry('anilist', inHours(0.5), now).text).toMatch(/^Sign-in expires in less than an hour/);
  });

  it('flags a lapsed sign-in', () => {
    expect(describeExpiry('anilist', inHours(-1), now)).toMatchObject({ tone: 'danger', text: expect.stringMatching(/^Sign-in expired /) });
  });

  it('never warns for MAL and Trakt, whose tokens Kizuna renews', () => {
    for (const service of ['mal', 'trakt'] as const) {
      expect(describeExpiry(service, inHours(2), now)).toMatchObject({ tone: 'normal', text: expect.stringMatching(/^Renewed automatically/) });
    }
  });

  it('shows an unreadable date as it came', () => {
    expect(describeExpiry('anilist', 'soon', now)).toEqual({ text: 'Sign-in expires soon', tone: 'normal' });
  });
});

describe('avatar initials', () => {
  it.each([
    ['Yui', 'YU'],
    ['mika_chan', 'MC'],
    ['Ann Lee', 'AL'],
    ['  ', '?'],
  ])('%j → %s', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});
