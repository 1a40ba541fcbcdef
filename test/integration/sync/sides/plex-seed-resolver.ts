import type { MatchQuery, MatchResult } from '../../../../main/mapping/model';
import type { SeedWorld } from '../../../emulators/seed/world';

/**
 * A resolver that answers from the seed world's own truth (each title's TVDB stretches), so the side tests
 * test the sides and not the matcher (which has its own tests): a TVDB show and season → the AniList entries
 * in it with their episode ranges, in episode order; a film's TMDB id → its AniList entry; anything else abstains, as the real resolver does for a
 * show no table knows.
 */
export function seedResolver(world: SeedWorld): (query: MatchQuery) => MatchResult {
  return (query) => {
    if (query.type === 'movie') {
      const tmdb = query.guids.map((guid) => /^tmdb:\/\/(\d+)$/.exec(guid)?.[1]).find((id) => id !== undefined);
      const film = world.titles.find((title) => title.ids.anilist !== undefined && tmdb !== undefined && title.ids.tmdbMovie === Number(tmdb));
      if (!film?.ids.anilist) return { status: 'abstain', anilistIds: [], confidence: 0, candidates: [] };
      return { status: 'matched', anilistIds: [film.ids.anilist], confidence: 0.95, candidates: [{ anilistId: film.ids.anilist, confidence: 0.95, evidence: [] }] };
    }
    const tvdb = query.guids.map((guid) => /^tvdb:\/\/(\d+)$/.exec(guid)?.[1]).find((id) => id !== undefined);
    const hits: Array<{ anilistId: number; start: number; end: number }> = [];
    for (const title of world.titles) {
      if (!tvdb || title.ids.anilist === undefined || title.tvdb?.showKey !== `tvdb:${tvdb}`) continue;
      for (const piece of title.tvdbSeasons ?? []) {
        if (piece.season === query.season) hits.push({ anilistId: title.ids.anilist, start: piece.episodeOffset + 1, end: piece.episodeOffset + piece.episodes });
      }
    }
    hits.sort((a, b) => a.start - b.start);
    if (hits.length === 0) return { status: 'abstain', anilistIds: [], confidence: 0, candidates: [] };
    const candidates = hits.map((hit) => ({ anilistId: hit.anilistId, confidence: 0.95, evidence: [], episodes: [{ start: hit.start, end: hit.end }] }));
    return { status: 'matched', anilistIds: hits.map((hit) => hit.anilistId), confidence: 0.95, candidates };
  };
}
