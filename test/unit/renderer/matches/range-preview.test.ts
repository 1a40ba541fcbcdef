import { describe, expect, it } from 'vitest';
import { checkRange, describeRange } from '../../../../renderer/screens/matches/range-preview';

describe('the episode-range editor', () => {
  it('reads the fields, refusing what is not a range', () => {
    expect(checkRange({ start: '13', end: '24' })).toEqual({ ok: true, range: { start: 13, end: 24 } });
    expect(checkRange({ start: '13', end: '' })).toEqual({ ok: true, range: { start: 13, end: null } });
    expect(checkRange({ start: '0', end: '' }).ok).toBe(false);
    expect(checkRange({ start: '2.5', end: '' }).ok).toBe(false);
    expect(checkRange({ start: '13', end: '12' })).toMatchObject({ ok: false, message: expect.stringContaining('from 13') });
  });

  it('previews the mapping and the progress a watched episode gives, for split cours', () => {
    const part2 = describeRange({ start: 13, end: 24 }, 1, 18);
    expect(part2.mapping).toBe('Episodes 13–24 of season 1 count as AniList episodes 1–12.');
    expect(part2.progress).toBe('Watched through episode 18 on Plex: AniList progress 6 of 12.');
    expect(describeRange({ start: 13, end: 24 }, 1, 30).progress).toContain('12 of 12 (completed)');
    expect(describeRange({ start: 13, end: 24 }, 1, 5).progress).toContain('progress 0 of 12');
    expect(describeRange({ start: 1, end: null }, 2, 7).progress).toBe('Watched through episode 7 on Plex: AniList progress 7.');
  });
});
