import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { buildSeedWorld, createSeedWorld } from '../../../emulators/seed/index';
import type * as SeedIndex from '../../../emulators/seed/index';
import type { SeedName, SeedWorld } from '../../../emulators/seed/world';

function digest(world: SeedWorld): string {
  return createHash('sha256').update(JSON.stringify(world)).digest('hex');
}

/** The seed's own titles: what the user has on some service, as opposed to the catalogue for search. */
function userFacingKeys(world: SeedWorld): Set<string> {
  const keys = new Set<string>();
  for (const entry of [...world.lists.anilist, ...world.lists.mal]) keys.add(entry.titleKey);
  for (const library of world.plex.libraries) if (library.type !== 'artist') for (const key of library.itemKeys) keys.add(key);
  for (const item of world.trakt.watchlist) keys.add(item.key);
  return keys;
}

describe('seed worlds are deterministic', () => {
  it('builds the same world twice, down to the catalogue (fresh modules, no shared cache)', async () => {
    const first = JSON.stringify(createSeedWorld('2k'));
    vi.resetModules();
    const fresh: typeof SeedIndex = await import('../../../emulators/seed/index');
    expect(JSON.stringify(fresh.createSeedWorld('2k')) === first).toBe(true);
  });

  it('pins the 2k world: a change here changes every test and benchmark that uses it', () => {
    // Update deliberately (and say why in the commit) when the seed is meant to change.
    expect(digest(buildSeedWorld('2k'))).toBe('d881b7371cdc97babe1a1be8441542fb083ab1bccfd19a245be0bf0e0ffb4f7f');
  });

  it('caches per name and freezes what it hands out', () => {
    const world = buildSeedWorld('small');
    expect(buildSeedWorld('small')).toBe(world);
    expect(Object.isFrozen(world.lists.anilist)).toBe(true);
    expect(() => (world.lists.anilist as unknown[]).push({})).toThrow(TypeError);
  });
});

describe('seed sizes', () => {
  const bounds: Record<SeedName, { anilist: [number, number]; mal: [number, number]; animeShows: [number, number]; userFacing: [number, number]; watchlist: [number, number] }> = {
    small: { anilist: [35, 55], mal: [35, 55], animeShows: [12, 30], userFacing: [50, 90], watchlist: [10, 10] },
    '2k': { anilist: [2000, 2000], mal: [1800, 2100], animeShows: [300, 1000], userFacing: [2000, 3000], watchlist: [20, 60] },
    '10k': { anilist: [10000, 10000], mal: [9000, 10500], animeShows: [1200, 3500], userFacing: [10000, 13500], watchlist: [60, 99] },
  };

  for (const name of ['small', '2k', '10k'] as const) {
    it(`${name}: lists, Plex and Trakt are in the intended range`, () => {
      const world = buildSeedWorld(name);
      const limits = bounds[name];
      const inRange = (value: number, [low, high]: [number, number], what: string) => expect(value, what).toSatisfy((n: number) => n >= low && n <= high);
      inRange(world.lists.anilist.length, limits.anilist, 'AniList entries');
      inRange(world.lists.mal.length, limits.mal, 'MAL entries');
      inRange(world.plex.libraries.find((library) => library.holds === 'anime')?.itemKeys.length ?? 0, limits.animeShows, 'Plex anime shows');
      inRange(userFacingKeys(world).size, limits.userFacing, 'titles across the services');
      inRange(world.trakt.watchlist.length, limits.watchlist, 'Trakt watchlist');
      expect(world.trakt.watchlist.length).toBeLessThanOrEqual(world.users.trakt.watchlistLimit);
      expect(world.plex.libraries.map((library) => library.holds)).toEqual(['anime', 'shows', 'movies', 'music']);
      expect(world.plex.tracks.length).toBeGreaterThanOrEqual(16);
    });
  }

  it('MAL overlaps AniList mostly but not fully', () => {
    for (const name of ['2k', '10k'] as const) {
      const world = buildSeedWorld(name);
      const anilist = new Set(world.lists.anilist.map((entry) => entry.titleKey));
      const mal = world.lists.mal.map((entry) => entry.titleKey);
      const shared = mal.filter((key) => anilist.has(key)).length;
      expect(shared / mal.length).toBeGreaterThan(0.9);
      expect(shared).toBeLessThan(mal.length);
      expect(shared).toBeLessThan(anilist.size);
    }
  });

  it('grows the same core: every small list entry is in the bigger seeds too', () => {
    const small = buildSeedWorld('small');
    for (const name of ['2k', '10k'] as const) {
      const keys = new Set(buildSeedWorld(name).lists.anilist.map((entry) => entry.titleKey));
      for (const entry of small.lists.anilist) expect(keys.has(entry.titleKey), `${name} lacks ${entry.titleKey}`).toBe(true);
    }
  });
});
