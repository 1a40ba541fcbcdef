import { describe, expect, it } from 'vitest';
import { parseFribb } from '../../../../../main/mapping/data/fribb';
import { parseKometaAnimeIds } from '../../../../../main/mapping/data/kometa';
import { ABSOLUTE_SEASON } from '../../../../../main/mapping/data/ranges';
import { fixtureText, truncated } from './fixture-text';

describe('Kometa Anime-IDs loader', () => {
  const links = parseKometaAnimeIds(fixtureText('kometa-anime_ids.json'));
  const byAnidb = (id: number) => links.find((entry) => entry.anidbId === id);

  it('reads AniDB-keyed entries with their AniList hop, comma lists and tvdb season/offset', () => {
    expect(links).toHaveLength(13);
    expect(byAnidb(8160)).toMatchObject({ source: 'kometa', anilistId: 10087, malIds: [10087, 13183] });
    expect(byAnidb(16177)).toMatchObject({ anilistId: 131681, seasons: [{ provider: 'tvdb', showId: '267440', season: 4, episodes: [{ start: 17, end: null }], offset: 16 }] });
    expect(byAnidb(69)?.seasons[0]?.season).toBe(ABSOLUTE_SEASON);
    expect(byAnidb(7)).toMatchObject({ anilistId: 164, tmdbMovieIds: [128], imdbIds: ['tt0119698'], seasons: [] });
    expect(byAnidb(17170)).toMatchObject({ anilistId: null, tvdbId: null });
  });

  it('gives one entry per AniList id when an AniDB id has several', () => {
    const split = parseKometaAnimeIds('{"10": {"anilist_id": "11,12", "mal_id": 11}}');
    expect(split.map((entry) => entry.anilistId)).toEqual([11, 12]);
  });

  it('rejects damaged files, naming the entry', () => {
    expect(() => parseKometaAnimeIds(truncated(fixtureText('kometa-anime_ids.json')), 'anime_ids.json')).toThrow(/anime_ids\.json: not valid JSON/);
    expect(() => parseKometaAnimeIds('{"10": {"mal_id": "11,x"}}', 'k')).toThrow('k: AniDB "10": mal_id "x" is not a number');
    expect(() => parseKometaAnimeIds('{"10": {"tvdb_season": "1"}}', 'k')).toThrow(/k: AniDB "10": tvdb_season: /);
  });
});

describe('Fribb loader', () => {
  const links = parseFribb(fixtureText('fribb-anime-list-full.json'));

  it('reads AniList- or AniDB-identified entries, skipping ones that link neither', () => {
    expect(links).toHaveLength(10);
    expect(links.find((entry) => entry.anidbId === 23)).toEqual({
      source: 'fribb',
      anilistId: 1,
      malIds: [1],
      anidbId: 23,
      tvdbId: 76885,
      tmdbShowIds: [30991],
      tmdbMovieIds: [],
      imdbIds: ['tt0213338'],
      seasons: [
        { provider: 'tvdb', showId: '76885', season: 1, episodes: [], ratio: 1, offset: 0 },
        { provider: 'tmdb', showId: '30991', season: 1, episodes: [], ratio: 1, offset: 0 },
      ],
    });
    expect(links.find((entry) => entry.anidbId === 16177)?.seasons[0]).toMatchObject({ season: 4, episodes: [{ start: 17, end: null }], offset: 16 });
    expect(links.find((entry) => entry.anilistId === 170000)).toMatchObject({ anidbId: null, malIds: [55000] });
  });

  it('reads the reduced list (no AniList ids) too', () => {
    const reduced = parseFribb('[{"anidb_id": 1, "themoviedb_id": {"tv": 26209}, "tvdb_id": 72025, "season": {"tvdb": 1, "tmdb": 1}}]', 'reduced');
    expect(reduced).toMatchObject([{ anilistId: null, anidbId: 1, tvdbId: 72025, tmdbShowIds: [26209] }]);
  });

  it('rejects damaged files, naming the entry', () => {
    expect(() => parseFribb(truncated(fixtureText('fribb-anime-list-full.json')), 'anime-list-full.json')).toThrow(/anime-list-full\.json: not valid JSON/);
    expect(() => parseFribb('[{"anidb_id": 5, "tvdb_id": "x"}]', 'f')).toThrow(/f: entry #1 \(anidb_id 5\): tvdb_id: /);
    expect(() => parseFribb('{}', 'f')).toThrow('f: is not a JSON array of entries');
  });
});
