import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { MAX_COMPLEXITY } from '../../../../../main/providers/anilist/complexity';
import { LIST_MARKER } from '../../../../../main/providers/anilist/operations/queries';
import { anilistListMarker, malListMarker, onceLastActivities, traktListMarker, traktMarkerFrom } from '../../../../../main/providers/cache/list-markers';
import type { TraktLastActivities } from '../../../../../main/providers/trakt/types';
import { findOperation, queryComplexity } from '../../../../emulators/anilist/complexity';
import { loadSdlSchema } from '../../../../emulators/anilist/schema';

const stamp = (minute: number) => `2026-11-22T12:${String(minute).padStart(2, '0')}:00.000Z`;

function activities(): TraktLastActivities {
  const group = (...fields: string[]) => Object.fromEntries(fields.map((field) => [field, stamp(0)]));
  return {
    all: stamp(0),
    movies: group('watched_at', 'collected_at', 'rated_at', 'watchlisted_at'),
    shows: group('rated_at', 'watchlisted_at'),
    seasons: group('rated_at', 'watchlisted_at'),
    episodes: group('watched_at', 'collected_at', 'rated_at', 'watchlisted_at'),
    watchlist: group('updated_at'),
  };
}

describe('AniList list marker', () => {
  it('is a valid query for the real schema (the committed SDL) and cheap', () => {
    const document = parse(LIST_MARKER);
    expect(validate(loadSdlSchema(), document).map((error) => error.message)).toEqual([]);
    expect(queryComplexity(document, findOperation(document, undefined)!, { userId: 1, type: 'ANIME' })).toBeLessThanOrEqual(MAX_COMPLEXITY);
  });

  it('moves with the newest stamp, the newest entry, the count and the score format', async () => {
    const answer = { newestUpdatedAt: 1_700_000_000, newestEntryId: 5, total: 10, scoreFormat: 'POINT_10' as const };
    const source = anilistListMarker({ listMarker: async () => ({ ...answer }) }, 1, 'ANIME');
    const base = await source.readMarker();
    const variants = [{ newestUpdatedAt: 1_700_000_001 }, { newestEntryId: 6 }, { total: 9 }, { scoreFormat: 'POINT_100' as const }];
    for (const change of variants) {
      const moved = anilistListMarker({ listMarker: async () => ({ ...answer, ...change }) }, 1, 'ANIME');
      expect(await moved.readMarker()).not.toBe(base);
    }
    expect(await source.readMarker()).toBe(base);
    expect(await anilistListMarker({ listMarker: async () => ({ ...answer }) }, 1, 'MANGA').readMarker()).not.toBe(base);
  });
});

describe('MAL list marker', () => {
  it('moves with the newest change, and hands the count check to the client', async () => {
    const asked: Array<[string, number]> = [];
    const client = {
      listMarker: async () => ({ newestUpdatedAt: '2026-11-22T12:00:00+00:00', newestId: 21 }),
      listHolds: async (kind: 'anime' | 'manga', count: number) => {
        asked.push([kind, count]);
        return count === 3;
      },
    };
    const source = malListMarker(client, 'anime');
    expect(await source.readMarker()).toContain('2026-11-22T12:00:00+00:00');
    expect(await source.holdsCount!(3)).toBe(true);
    expect(await source.holdsCount!(4)).toBe(false);
    expect(asked).toEqual([['anime', 3], ['anime', 4]]);
    const moved = malListMarker({ ...client, listMarker: async () => ({ newestUpdatedAt: '2026-11-22T12:00:00+00:00', newestId: 22 }) }, 'anime');
    expect(await moved.readMarker()).not.toBe(await source.readMarker());
  });
});

describe('Trakt list markers', () => {
  it('each list moves only with its own categories', () => {
    const before = activities();
    const cases: Array<[keyof Omit<TraktLastActivities, 'all'>, string, 'watchlist' | 'history' | 'ratings']> = [
      ['watchlist', 'updated_at', 'watchlist'],
      ['shows', 'watchlisted_at', 'watchlist'],
      ['episodes', 'watched_at', 'history'],
      ['movies', 'watched_at', 'history'],
      ['seasons', 'rated_at', 'ratings'],
      ['movies', 'rated_at', 'ratings'],
    ];
    for (const [group, field, list] of cases) {
      const after = activities();
      after[group][field] = stamp(5);
      for (const other of ['watchlist', 'history', 'ratings'] as const) {
        const moved = traktMarkerFrom(after, other) !== traktMarkerFrom(before, other);
        expect({ group, field, other, moved }).toEqual({ group, field, other, moved: other === list });
      }
    }
    // Collecting is not on any of these lists.
    const collected = activities();
    collected.movies.collected_at = stamp(9);
    expect(traktMarkerFrom(collected, 'history')).toBe(traktMarkerFrom(before, 'history'));
  });

  it('shares one last_activities request across the lists of a run, and asks again after a failure', async () => {
    let calls = 0;
    let fail = true;
    const client = {
      lastActivities: async () => {
        calls += 1;
        if (fail) throw new Error('Trakt is down');
        return activities();
      },
    };
    const once = onceLastActivities(client);
    await expect(traktListMarker(once, 'watchlist').readMarker()).rejects.toThrow('Trakt is down');
    fail = false;
    const markers = await Promise.all((['watchlist', 'history', 'ratings'] as const).map((list) => traktListMarker(once, list).readMarker()));
    expect(new Set(markers).size).toBe(3);
    expect(calls).toBe(2);
  });
});
