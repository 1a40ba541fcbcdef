import { describe, expect, it } from 'vitest';
import { dateFrom, dateTo, entryFrom, saveVariables, titleFrom } from '../../../../../main/providers/anilist/map';
import type { ListEntryData, MediaSummary } from '../../../../../main/providers/anilist/schemas';

const media: MediaSummary = {
  id: 21,
  idMal: 21,
  type: 'ANIME',
  format: 'TV',
  episodes: null,
  chapters: null,
  volumes: null,
  startDate: { year: 1999, month: 10, day: 20 },
  title: { romaji: 'ONE PIECE', english: 'One Piece', native: null },
  synonyms: ['OP'],
  isAdult: false,
  coverImage: { large: 'https://img/21.jpg' },
};

const entry: ListEntryData = {
  id: 7,
  mediaId: 21,
  status: 'REPEATING',
  score100: 85,
  score: 8.5,
  progress: 12,
  progressVolumes: null,
  repeat: 1,
  private: true,
  notes: '',
  hiddenFromStatusLists: false,
  startedAt: { year: 2024, month: 4, day: null },
  completedAt: { year: null, month: null, day: null },
  updatedAt: 1_700_000_000,
};

describe('AniList → shared model', () => {
  it('maps an entry with both score scales, partial dates and an ISO updatedAt', () => {
    expect(entryFrom(entry, media, 'POINT_10_DECIMAL')).toEqual({
      kind: 'anime',
      entryId: 7,
      ids: { anilist: 21, mal: 21 },
      status: 'repeating',
      progress: 12,
      progressVolumes: null,
      score: { native: 8.5, scale: 'point10decimal', value100: 85 },
      startedAt: '2024-04',
      completedAt: null,
      repeat: 1,
      notes: null,
      private: true,
      updatedAt: '2023-11-14T22:13:20.000Z',
      title: titleFrom(media),
    });
  });

  it('a 0 score is "not scored"', () => {
    expect(entryFrom({ ...entry, score100: 0, score: 0 }, media, 'POINT_100').score).toBeNull();
  });

  it('titles keep ids, format and the main title', () => {
    expect(titleFrom(media)).toMatchObject({ ids: { anilist: 21, mal: 21 }, title: 'ONE PIECE', format: 'tv', startDate: '1999-10-20', cover: 'https://img/21.jpg' });
  });

  it('dates go both ways, and null clears', () => {
    expect(dateTo('2024-04-07')).toEqual({ year: 2024, month: 4, day: 7 });
    expect(dateTo('2024')).toEqual({ year: 2024, month: null, day: null });
    expect(dateTo(null)).toEqual({ year: null, month: null, day: null });
    expect(dateFrom(dateTo('2024-04-07'))).toBe('2024-04-07');
    expect(() => dateTo('7 April')).toThrow(/not a date/);
  });

  it('patches become SaveMediaListEntry variables: scoreRaw on 0-100, empty notes clear', () => {
    expect(saveVariables({ status: 'paused', score100: 72.6, notes: null, completedAt: null, private: false })).toEqual({
      status: 'PAUSED',
      scoreRaw: 73,
      notes: '',
      completedAt: { year: null, month: null, day: null },
      private: false,
    });
  });
});
