import { afterEach, describe, expect, it } from 'vitest';
import { keys } from './fixture-world';
import { itemFor, startPlexHarness, type PlexHarness } from './harness';

let harness: PlexHarness;
afterEach(async () => harness?.close());

const library = 'identifier=com.plexapp.plugins.library';

async function details(ratingKey: number): Promise<Record<string, unknown>> {
  return (await harness.container(`/library/metadata/${ratingKey}`)).Metadata?.[0] ?? {};
}

function episodeOf(showKey: string, season: number, index: number) {
  const show = itemFor(harness.state, showKey, 'show');
  const found = harness.state.library
    .children(show)
    .find((candidate) => candidate.index === season)
    ?.childKeys.map((key) => harness.state.library.get(key))
    .find((episode) => episode?.index === index);
  if (!found) throw new Error('no episode');
  return found;
}

describe('scrobble, unscrobble and rate', () => {
  it('scrobbles an episode by PUT: viewCount goes up and lastViewedAt is the server clock, not a date the client picks', async () => {
    harness = await startPlexHarness();
    const episode = episodeOf(keys.splitShow, 1, 13);
    harness.clock.set(Date.UTC(2026, 10, 23, 20, 0, 0));
    const response = await harness.pms(`/:/scrobble?${library}&key=${episode.ratingKey}&viewedAt=1500000000`, { method: 'PUT' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(await details(episode.ratingKey)).toMatchObject({ viewCount: 3, lastViewedAt: Date.UTC(2026, 10, 23, 20, 0, 0) / 1000 });
  });

  it('also answers GET, as the legacy spec and older clients use it, and clears play state on unscrobble', async () => {
    harness = await startPlexHarness();
    const episode = episodeOf(keys.splitShow, 1, 2);
    expect((await harness.pms(`/:/scrobble?${library}&key=${episode.ratingKey}`)).status).toBe(200);
    expect(await details(episode.ratingKey)).toMatchObject({ viewCount: 1 });
    expect((await harness.pms(`/:/unscrobble?${library}&key=${episode.ratingKey}`, { method: 'PUT' })).status).toBe(200);
    const after = await details(episode.ratingKey);
    expect(after).not.toHaveProperty('viewCount');
    expect(after).not.toHaveProperty('lastViewedAt');
  });

  it('scrobbles a whole season when given the season, and accepts a server:// uri instead of a key', async () => {
    harness = await startPlexHarness();
    const tvShow = itemFor(harness.state, keys.tvShow, 'show');
    const season = harness.state.library.children(tvShow)[1];
    if (!season) throw new Error('no season 2');
    const uri = encodeURIComponent(`server://${harness.state.library.machineIdentifier}/com.plexapp.plugins.library/library/metadata/${season.ratingKey}`);
    expect((await harness.pms(`/:/scrobble?${library}&uri=${uri}`, { method: 'PUT' })).status).toBe(200);
    expect(await details(season.ratingKey)).toMatchObject({ leafCount: 10, viewedLeafCount: 10 });
    expect(await details(tvShow.ratingKey)).toMatchObject({ leafCount: 20, viewedLeafCount: 11 });
  });

  it('rates 0-10, takes ratedAt from the past but not the future, and clears with -1', async () => {
    harness = await startPlexHarness();
    const movie = itemFor(harness.state, keys.animeMovie, 'movie');
    const now = harness.clock.now() / 1000;
    expect((await harness.pms(`/:/rate?${library}&key=${movie.ratingKey}&rating=7&ratedAt=${now - 3600}`, { method: 'PUT' })).status).toBe(200);
    expect(await details(movie.ratingKey)).toMatchObject({ userRating: 7, lastRatedAt: now - 3600 });
    expect((await harness.pms(`/:/rate?${library}&key=${movie.ratingKey}&rating=9&ratedAt=${now + 60}`, { method: 'PUT' })).status).toBe(400);
    expect((await harness.pms(`/:/rate?${library}&key=${movie.ratingKey}&rating=11`, { method: 'PUT' })).status).toBe(400);
    expect((await harness.pms(`/:/rate?${library}&key=${movie.ratingKey}&rating=-1`, { method: 'PUT' })).status).toBe(200);
    expect(await details(movie.ratingKey)).not.toHaveProperty('userRating');
  });

  it('records playback progress as viewOffset, which a scrobble then clears', async () => {
    harness = await startPlexHarness();
    const episode = episodeOf(keys.tvShow, 1, 2);
    expect((await harness.pms(`/:/progress?key=${episode.ratingKey}&time=600000&state=stopped`, { method: 'POST' })).status).toBe(200);
    expect(await details(episode.ratingKey)).toMatchObject({ viewOffset: 600_000 });
    expect(await details(episode.ratingKey)).not.toHaveProperty('viewCount');
    await harness.pms(`/:/scrobble?${library}&key=${episode.ratingKey}`, { method: 'PUT' });
    expect(await details(episode.ratingKey)).not.toHaveProperty('viewOffset');
    expect((await harness.pms(`/:/progress?key=${episode.ratingKey}&state=stopped`, { method: 'POST' })).status).toBe(400);
  });

  it('answers 400 without identifier or key, 404 for another provider or an unknown key', async () => {
    harness = await startPlexHarness();
    const movie = itemFor(harness.state, keys.movie, 'movie');
    expect((await harness.pms(`/:/scrobble?key=${movie.ratingKey}`, { method: 'PUT' })).status).toBe(400);
    expect((await harness.pms(`/:/scrobble?${library}`, { method: 'PUT' })).status).toBe(400);
    expect((await harness.pms(`/:/scrobble?identifier=tv.plex.provider.vod&key=${movie.ratingKey}`, { method: 'PUT' })).status).toBe(404);
    const unknown = await harness.pms(`/:/scrobble?${library}&key=999999`, { method: 'PUT' });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('text/html');
  });
});
