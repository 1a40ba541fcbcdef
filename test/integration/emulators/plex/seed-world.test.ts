import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeedWorld } from '../../../emulators/seed/index';
import type { SeedWorld } from '../../../emulators/seed/world';
import { itemFor, startPlexHarness, type PlexHarness } from './harness';

/** The Plex emulator over the generated `small` seed: its landmarks come out the way Plex would show them. */
let harness: PlexHarness;
let world: SeedWorld;
beforeAll(async () => {
  world = buildSeedWorld('small');
  harness = await startPlexHarness({ world });
});
afterAll(async () => harness.close());

function landmark(name: string): string {
  const key = world.landmarks[name];
  if (!key) throw new Error(`the small seed has no landmark ${name}`);
  return key;
}

describe('Plex emulator on the small seed', () => {
  it('has the anime, TV, movie and music libraries', async () => {
    const sections = (await harness.container('/library/sections')).Directory as Array<Record<string, unknown>>;
    expect(sections.map((section) => section.type)).toEqual(world.plex.libraries.map((library) => library.type));
    expect(new Set(sections.map((section) => section.type))).toEqual(new Set(['show', 'movie', 'artist']));
  });

  it('shows the split cour as one TVDB season holding both AniList entries’ episodes', async () => {
    const showKey = landmark('splitCour:show');
    const seedSeason = world.shows.find((show) => show.key === showKey)?.seasons.find((season) => season.titleKeys.includes(landmark('splitCour')));
    expect(seedSeason?.titleKeys).toContain(landmark('splitCour:first'));
    const seasons = await harness.container(`/library/metadata/${itemFor(harness.state, showKey, 'show').ratingKey}/children`);
    const season = seasons.Metadata?.find((candidate) => candidate.index === seedSeason?.number);
    expect(season?.leafCount).toBe(seedSeason?.episodeCount);
    expect((await harness.container(`/library/metadata/${String(season?.ratingKey)}/children`)).Metadata).toHaveLength(seedSeason?.episodeCount ?? -1);
  });

  it('spreads one long AniList entry over several TVDB seasons', async () => {
    const entry = world.titles.find((title) => title.key === landmark('multiSeasonEntry'));
    const show = itemFor(harness.state, entry?.tvdb?.showKey ?? '', 'show');
    const seasons = (await harness.container(`/library/metadata/${show.ratingKey}/children`)).Metadata ?? [];
    for (const stretch of entry?.tvdbSeasons ?? []) expect(seasons.find((season) => season.index === stretch.season)?.leafCount).toBeGreaterThanOrEqual(stretch.episodes);
  });

  it('marks every seeded watch on its episode or movie', () => {
    for (const watch of world.plex.watched.slice(0, 200)) {
      const show = itemFor(harness.state, watch.showKey, 'show');
      const season = harness.state.library.children(show).find((candidate) => candidate.index === watch.season);
      const episode = season && harness.state.library.children(season).find((candidate) => candidate.index === watch.episode);
      expect(episode?.viewCount, `${watch.showKey} S${watch.season}E${watch.episode}`).toBeGreaterThan(0);
    }
    for (const watch of world.plex.moviesWatched) expect(itemFor(harness.state, watch.titleKey, 'movie').viewCount).toBeGreaterThan(0);
  });

  it('lists the seed’s tracks with durations, including the multi-artist and Chinese-titled ones', async () => {
    const music = harness.state.library.sections.find((section) => section.type === 'artist');
    const tracks = (await harness.container(`/library/sections/${music?.id}/all?type=10`)).Metadata ?? [];
    expect(tracks).toHaveLength(world.plex.tracks.length);
    for (const name of ['music:multiArtist', 'music:chinese']) {
      const seed = world.plex.tracks.find((track) => track.key === landmark(name));
      expect(tracks.find((track) => track.title === seed?.title)).toMatchObject({ duration: seed?.durationMs, grandparentTitle: seed?.artist });
    }
  });
});
