import type { Direction, PairId, PairSettings, SyncField } from './sync';

const listFields: SyncField[] = ['status', 'progress', 'progressVolumes', 'score', 'startedAt', 'completedAt', 'repeat', 'notes', 'private'];

function fields(names: readonly SyncField[], direction: Direction): Partial<Record<SyncField, Direction>> {
  return Object.fromEntries(names.map((name) => [name, direction]));
}

/**
 * What a new install syncs: AniList ⇄ MyAnimeList in full, Plex watched episodes ⇄ AniList/MAL progress, and
 * Trakt ⇄ Plex history, ratings and watchlist. Trakt ⇄ AniList/MAL starts off: most people track anime on one
 * of those already through Plex, and counting plays twice is the complaint users have of other tools.
 * Notes ask on a real conflict (free text cannot be merged); everything else takes the newer change.
 */
export const defaultPairs: Partial<Record<PairId, PairSettings>> = {
  'anilist:mal': {
    fields: fields(listFields.filter((field) => field !== 'private'), 'both'),
    conflicts: { notes: 'ask' },
    createMissing: true,
    propagateRemovals: false,
  },
  'anilist:plex': { fields: fields(['status', 'progress'], 'both'), conflicts: {}, createMissing: true, propagateRemovals: false },
  'mal:plex': { fields: fields(['status', 'progress'], 'both'), conflicts: {}, createMissing: true, propagateRemovals: false },
  'trakt:plex': { fields: fields(['watched', 'score', 'watchlisted'], 'both'), conflicts: {}, createMissing: true, propagateRemovals: false },
};
