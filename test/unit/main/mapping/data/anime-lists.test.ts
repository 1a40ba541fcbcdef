import { describe, expect, it } from 'vitest';
import { parseAnimeListsXml } from '../../../../../main/mapping/data/anime-lists';
import { parseAnimeMovieSets } from '../../../../../main/mapping/data/anime-movie-sets';
import { ABSOLUTE_SEASON, providerToAnilist } from '../../../../../main/mapping/data/ranges';
import { fixtureText, truncated } from './fixture-text';

const text = fixtureText('anime-list-master.xml');
const links = parseAnimeListsXml(text);
const byAnidb = (id: number) => links.find((entry) => entry.anidbId === id);

const entry = (attributes: string, body = ''): string =>
  `<?xml version="1.0"?><anime-list><anime anidbid="123" tvdbid="1" defaulttvdbseason="1" episodeoffset="" tmdbtv="" tmdbseason="" tmdboffset="" tmdbid="" imdbid="" ${attributes}><name>X</name>${body}</anime></anime-list>`;

describe('Anime-Lists XML loader', () => {
  it('reads every <anime>, AniDB-keyed with no AniList id of its own', () => {
    expect(links).toHaveLength(14);
    expect(links.every((link) => link.source === 'anime-lists' && link.anilistId === null)).toBe(true);
    expect(byAnidb(132)).toMatchObject({ tvdbId: 79076, tmdbShowIds: [45952], seasons: [{ provider: 'tvdb', season: 1, episodes: [], offset: 0 }, { provider: 'tmdb', season: 1 }] });
  });

  it('turns episodeoffset into a range starting after the offset (Fate/Zero 2012, SPY×FAMILY part 2)', () => {
    const fateZero2 = byAnidb(8880)?.seasons[0];
    expect(fateZero2).toEqual({ provider: 'tvdb', showId: '275798', season: 1, episodes: [{ start: 14, end: null }], ratio: 1, offset: 13 });
    expect(fateZero2 && providerToAnilist(fateZero2, 25)).toEqual({ start: 12, end: 12 });
    expect(byAnidb(17061)?.seasons[0]).toMatchObject({ episodes: [{ start: 13, end: null }], offset: 12 });
  });

  it('reads "a" as absolute numbering and mapping-list start/end/offset per season (One Piece, Hunter × Hunter 2011)', () => {
    const onePiece = byAnidb(69)?.seasons ?? [];
    expect(onePiece[0]).toMatchObject({ provider: 'tvdb', season: ABSOLUTE_SEASON, episodes: [], offset: 0 });
    const s2 = onePiece.find((season) => season.provider === 'tvdb' && season.season === 2);
    expect(s2).toMatchObject({ episodes: [{ start: 1, end: 22 }], offset: -8 });
    expect(s2 && providerToAnilist(s2, 22)).toEqual({ start: 30, end: 30 });
    expect(onePiece.find((season) => season.season === 23)).toMatchObject({ episodes: [{ start: 1, end: null }], offset: -1155 });
    expect(onePiece.find((season) => season.provider === 'tmdb' && season.season === 2)).toMatchObject({ episodes: [{ start: 1, end: 16 }], offset: -61 });
    const hxh = byAnidb(8550)?.seasons.filter((season) => season.provider === 'tvdb' && season.season > 0);
    expect(hxh).toMatchObject([{ season: 1, episodes: [{ start: 1, end: 58 }], offset: 0 }, { season: 2, episodes: [{ start: 1, end: 78 }] }, { season: 3 }]);
  });

  it('reads per-episode maps, skipping AniDB specials and "x-0", joining runs and "+" as a ratio', () => {
    const movie = byAnidb(219)?.seasons.filter((season) => season.episodes.length > 0);
    expect(movie).toEqual([{ provider: 'tvdb', showId: '76885', season: 0, episodes: [{ start: 3, end: 3 }], ratio: 1, offset: 2 }]);
    const chobits = byAnidb(12)?.seasons.filter((season) => season.season === 0);
    expect(chobits).toEqual([
      { provider: 'tvdb', showId: '72070', season: 0, episodes: [{ start: 1, end: 3 }], ratio: 1, offset: -8 },
      { provider: 'tvdb', showId: '72070', season: 0, episodes: [{ start: 5, end: 6 }], ratio: 2, offset: -13 },
    ]);
    expect(chobits?.[1] && providerToAnilist(chobits[1], 6)).toEqual({ start: 18, end: 18 });
  });

  it('reads movies (tvdbid="movie") and empty entries without TVDB links', () => {
    expect(byAnidb(7)).toMatchObject({ tvdbId: null, tmdbMovieIds: [128], imdbIds: ['tt0119698'], seasons: [] });
    expect(byAnidb(99999)).toMatchObject({ tvdbId: null, seasons: [] });
  });

  it('names the file, entry and attribute of a bad value', () => {
    expect(() => parseAnimeListsXml(entry('').replace('episodeoffset=""', 'episodeoffset="x"'), 'anime-lists')).toThrow('anime-lists: anime anidbid="123": episodeoffset "x" is not a number');
    expect(() => parseAnimeListsXml(entry('').replace('tvdbid="1"', 'tvdbid="12b"'), 'anime-lists')).toThrow('anime-lists: anime anidbid="123": tvdbid "12b" is not a number');
    expect(() => parseAnimeListsXml(entry('', '<mapping-list><mapping anidbseason="1" tvdbseason="0">;1=2;</mapping></mapping-list>'), 'f')).toThrow('f: anime anidbid="123": mapping "1=2" is not "anidb-provider"');
    expect(() => parseAnimeListsXml(entry('').replace('imdbid=""', 'imdbid="nm123"'), 'f')).toThrow(/imdbid "nm123" is not an IMDb id/);
  });

  it('rejects a truncated or foreign file whole', () => {
    expect(() => parseAnimeListsXml(truncated(text), 'anime-list-master.xml')).toThrow(/anime-list-master\.xml: not well-formed XML/);
    expect(() => parseAnimeListsXml('<?xml version="1.0"?><other/>', 'f')).toThrow('f: has no <anime-list> root');
  });
});

describe('Anime-Lists movie sets', () => {
  it('reads each set with its AniDB ids and titles, sets without ids included', () => {
    expect(parseAnimeMovieSets(fixtureText('anime-movieset-list.xml'))).toEqual([
      {
        anidbIds: [61, 890],
        titles: [
          { type: 'main', lang: 'x-jat', title: 'Koukaku Kidoutai Collection' },
          { type: 'official', lang: 'en', title: 'Ghost in the Shell Collection' },
        ],
      },
      { anidbIds: [], titles: [{ type: 'main', lang: 'x-jat', title: 'Studio Ghibli Collection' }] },
    ]);
  });

  it('rejects truncated files and bad ids', () => {
    expect(() => parseAnimeMovieSets(truncated(fixtureText('anime-movieset-list.xml')), 'sets.xml')).toThrow(/sets\.xml: not well-formed XML/);
    expect(() => parseAnimeMovieSets('<anime-set-list><set><anime anidbid="x">A</anime><titles><title type="main" xml:lang="x-jat">T</title></titles></set></anime-set-list>', 's')).toThrow('s: set #1: anidbid is not a number');
  });
});
