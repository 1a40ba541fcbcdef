import { describe, expect, it } from 'vitest';
import { entryFrom, formFrom, titleFrom } from '../../../../../main/providers/mal/map';

describe('MyAnimeList → shared model', () => {
  it('a rewatch is "repeating"; scores are point10 with a 0-100 value; lists carry no notes', () => {
    const entry = entryFrom('anime', 21, { status: 'completed', is_rewatching: true, score: 7, num_episodes_watched: 3, num_times_rewatched: 2, start_date: '2024-04', updated_at: '2026-11-01T10:00:00+00:00' });
    expect(entry).toEqual({
      kind: 'anime',
      entryId: null,
      ids: { mal: 21 },
      status: 'repeating',
      progress: 3,
      progressVolumes: null,
      score: { native: 7, scale: 'point10', value100: 70 },
      startedAt: '2024-04',
      completedAt: null,
      repeat: 2,
      updatedAt: '2026-11-01T10:00:00.000Z',
    });
    expect('notes' in entry).toBe(false);
  });

  it('manga statuses and volumes', () => {
    const entry = entryFrom('manga', 2, { status: 'on_hold', score: 0, num_chapters_read: 40, num_volumes_read: 4, comments: '', updated_at: '2026-11-01T10:00:00+00:00' });
    expect(entry).toMatchObject({ status: 'paused', progress: 40, progressVolumes: 4, score: null, notes: null });
  });

  it('titles: empty alternative titles are null, 0 episodes is unknown', () => {
    expect(titleFrom('anime', { id: 5, title: 'X', alternative_titles: { en: '', ja: '', synonyms: [] }, num_episodes: 0, nsfw: 'black' })).toMatchObject({ english: null, native: null, episodes: null, adult: true });
  });

  it('patches use the REQUEST spellings (API-NOTES §4) and clear with empty values', () => {
    expect(Object.fromEntries(formFrom('anime', { status: 'current', progress: 5, score100: 84, repeat: 1, notes: null, startedAt: null }))).toEqual({
      status: 'watching',
      is_rewatching: 'false',
      num_watched_episodes: '5',
      score: '8',
      num_times_rewatched: '1',
      comments: '',
      start_date: '',
    });
    expect(Object.fromEntries(formFrom('manga', { status: 'repeating', progress: 9, progressVolumes: 2, private: true }))).toEqual({
      status: 'completed',
      is_rereading: 'true',
      num_chapters_read: '9',
      num_volumes_read: '2',
    });
  });
});
