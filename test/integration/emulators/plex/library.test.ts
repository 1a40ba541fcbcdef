import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from './fixture-world';
import { itemFor, sectionId, startPlexHarness, type PlexHarness } from './harness';

type Metadata = Record<string, unknown>;

let harness: PlexHarness;
beforeAll(async () => {
  harness = await startPlexHarness();
});
afterAll(async () => harness.close());

describe('Plex Media Server library', () => {
  it('lists four sections with the modern agents', async () => {
    const container = await harness.container('/library/sections');
    const sections = container.Directory as Metadata[];
    expect(sections.map((section) => [section.title, section.type, section.agent])).toEqual([
      ['Anime', 'show', 'tv.plex.agents.series'],
      ['TV Shows', 'show', 'tv.plex.agents.series'],
      ['Movies', 'movie', 'tv.plex.agents.movie'],
      ['Music', 'artist', 'tv.plex.agents.music'],
    ]);
    expect(await harness.container('/library/sections/all')).toEqual(container);
  });

  it('lists a section in title order with plex:// guids, and the external Guid list only with includeGuids=1', async () => {
    const anime = sectionId(harness.state, 'anime');
    const plain = await harness.container(`/library/sections/${anime}/all`);
    expect(plain.Metadata?.map((item) => item.title)).toEqual(['Long Runner', 'SPY x FAMILY']);
    expect(plain.Metadata?.[1]).toMatchObject({ type: 'show', guid: expect.stringMatching(/^plex:\/\/show\/[0-9a-f]{24}$/), leafCount: 25, viewedLeafCount: 2, childCount: 1 });
    expect(plain.Metadata?.[1]).not.toHaveProperty('Guid');
    const withGuids = await harness.container(`/library/sections/${anime}/all?includeGuids=1`);
    expect(withGuids.Metadata?.[1]?.Guid).toEqual([{ id: 'imdb://tt13706018' }, { id: 'tmdb://120089' }, { id: 'tvdb://405920' }]);
  });

  it('pages with X-Plex-Container-Start/Size as headers or query, and returns everything when no size is sent', async () => {
    const movies = sectionId(harness.state, 'movies');
    const all = await harness.container(`/library/sections/${movies}/all`);
    expect(all.Metadata).toHaveLength(3);
    expect(all).not.toHaveProperty('totalSize');

    const response = await harness.pms(`/library/sections/${movies}/all`, { headers: { 'X-Plex-Container-Start': '1', 'X-Plex-Container-Size': '1' } });
    expect(response.headers.get('x-plex-container-start')).toBe('1');
    expect(response.headers.get('x-plex-container-total-size')).toBe('3');
    const page = ((await response.json()) as { MediaContainer: Metadata & { Metadata: Metadata[] } }).MediaContainer;
    expect(page).toMatchObject({ size: 1, offset: 1, totalSize: 3 });
    expect(page.Metadata[0]?.title).toBe(all.Metadata?.[1]?.title);

    const byQuery = await harness.container(`/library/sections/${movies}/all?X-Plex-Container-Start=0&X-Plex-Container-Size=0`);
    expect(byQuery).toMatchObject({ size: 0, totalSize: 3 });
    expect((await harness.pms(`/library/sections/${movies}/all?X-Plex-Container-Size=ten`)).status).toBe(400);
  });

  it('filters a section by metadata type: 4 gives episodes, 10 tracks with durations', async () => {
    const tv = sectionId(harness.state, 'tv');
    const episodes = await harness.container(`/library/sections/${tv}/all?type=4`);
    expect(episodes.Metadata).toHaveLength(20);
    const tracks = await harness.container(`/library/sections/${sectionId(harness.state, 'music')}/all?type=10`);
    expect(tracks.Metadata?.map((track) => [track.grandparentTitle, track.parentTitle, track.index, track.title, track.duration])).toEqual([
      ['Aimer', 'Penny Rain', 1, 'Ref:rain', 310_000],
      ['Official HIGE DANdism', 'Editorial', 3, 'Cry Baby', 240_000],
      ['YOASOBI', 'THE BOOK', 1, 'Encore', 198_000],
      ['YOASOBI', 'THE BOOK', 2, 'Yoru ni Kakeru', 261_000],
      ['YOASOBI', 'THE BOOK 3', 1, 'Idol', 213_000],
    ]);
  });

  it('keeps a split cour in one TVDB season: SPY x FAMILY season 1 has both parts’ 25 episodes', async () => {
    const show = itemFor(harness.state, keys.splitShow, 'show');
    const details = await harness.container(`/library/metadata/${show.ratingKey}`);
    expect(details.Metadata?.[0]).toMatchObject({ title: 'SPY x FAMILY', Guid: [{ id: 'imdb://tt13706018' }, { id: 'tmdb://120089' }, { id: 'tvdb://405920' }] });
    const seasons = await harness.container(`/library/metadata/${show.ratingKey}/children`);
    expect(seasons.Directory).toEqual([expect.objectContaining({ title: 'All episodes', leafCount: 25, key: `/library/metadata/${show.ratingKey}/allLeaves` })]);
    expect(seasons.Metadata?.map((season) => [season.title, season.index, season.leafCount])).toEqual([['Season 1', 1, 25]]);
    const episodes = await harness.container(`/library/metadata/${String(seasons.Metadata?.[0]?.ratingKey)}/children`);
    expect(episodes.Metadata).toHaveLength(25);
    expect(episodes.Metadata?.[12]).toMatchObject({ index: 13, parentIndex: 1, grandparentTitle: 'SPY x FAMILY', viewCount: 2, lastViewedAt: 1_700_100_000 });
    expect(episodes.Metadata?.[1]).not.toHaveProperty('viewCount');
    expect(episodes.Metadata?.[1]).not.toHaveProperty('lastViewedAt');
  });

  it('numbers an absolutely numbered show in one long season, with specials in season 0', async () => {
    const show = itemFor(harness.state, keys.absoluteShow, 'show');
    const seasons = await harness.container(`/library/metadata/${show.ratingKey}/children`);
    expect(seasons.Metadata?.map((season) => [season.title, season.index, season.leafCount])).toEqual([
      ['Specials', 0, 1],
      ['Season 1', 1, 100],
    ]);
    const leaves = await harness.container(`/library/metadata/${show.ratingKey}/allLeaves`);
    expect(leaves.Metadata).toHaveLength(101);
    expect(leaves.Metadata?.find((episode) => episode.parentIndex === 1 && episode.index === 51)).toMatchObject({ viewCount: 1, duration: 23 * 60_000 });
  });

  it('shows viewOffset on an unfinished episode', async () => {
    const episode = [...harness.state.library.items.values()].find((item) => item.type === 'episode' && item.seedKey === keys.tvShow && item.index === 2);
    if (!episode) throw new Error('no episode');
    episode.viewOffset = 600_000;
    const details = await harness.container(`/library/metadata/${episode.ratingKey}`);
    expect(details.Metadata?.[0]).toMatchObject({ viewOffset: 600_000, parentIndex: 1, index: 2 });
    episode.viewOffset = undefined;
  });

  it('answers several ids at once, and 404 for unknown ones', async () => {
    const movie = itemFor(harness.state, keys.movie, 'movie');
    const unmatched = itemFor(harness.state, keys.unmatched, 'movie');
    const both = await harness.container(`/library/metadata/${movie.ratingKey},${unmatched.ratingKey}`);
    expect(both.Metadata?.map((item) => [item.title, item.guid, item.Guid])).toEqual([
      ['The Matrix', expect.stringMatching(/^plex:\/\/movie\//), [{ id: 'imdb://tt0133093' }, { id: 'tmdb://603' }]],
      ['Home Video 2019', `local://${unmatched.ratingKey}`, undefined],
    ]);
    expect(both.Metadata?.[0]).toMatchObject({ viewCount: 3, userRating: 8 });
    expect((await harness.pms('/library/metadata/999999')).status).toBe(404);
  });

  it('walks music: artist to albums to tracks', async () => {
    const music = await harness.container(`/library/sections/${sectionId(harness.state, 'music')}/all`);
    const yoasobi = music.Metadata?.find((artist) => artist.title === 'YOASOBI');
    const albums = await harness.container(`/library/metadata/${String(yoasobi?.ratingKey)}/children`);
    expect(albums.Metadata?.map((album) => [album.title, album.year, album.leafCount])).toEqual([
      ['THE BOOK', 2021, 2],
      ['THE BOOK 3', 2023, 1],
    ]);
    const tracks = await harness.container(`/library/metadata/${String(albums.Metadata?.[0]?.ratingKey)}/children`);
    expect(tracks.Metadata?.map((track) => [track.index, track.title, track.duration, track.type])).toEqual([
      [1, 'Encore', 198_000, 'track'],
      [2, 'Yoru ni Kakeru', 261_000, 'track'],
    ]);
  });
});
