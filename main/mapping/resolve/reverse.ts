import { anilistToProvider } from '../data/ranges';
import type { EpisodeRange, MappingLookup, MappingSourceName } from '../model';
import { SOURCE_PRECEDENCE } from '../model';

/**
 * The other direction: an AniList entry → where it sits in Plex/Trakt (show, season, episodes), and AniList
 * ↔ MAL. The sync engine needs it to mark episodes watched on Plex or Trakt from an AniList progress
 * number. AniList's own `idMal` (from the person's list entries) is exact and beats every table.
 */

export interface ShowPlace {
  provider: 'tvdb' | 'tmdb';
  showId: string;
  season: number;
  /** Episodes of that season the entry covers, as the most trusted source says; empty: the whole season. */
  episodes: EpisodeRange[];
  /** AniList episode = provider episode − offset (absolute numbering, later cours). */
  offset: number;
  /** Sources naming this season, most trusted first. */
  sources: MappingSourceName[];
}

/** Every provider season an AniList entry is mapped into, most trusted first, then TVDB before TMDB, then by season. */
export function placesOf(lookup: MappingLookup, anilistId: number): ShowPlace[] {
  const places = new Map<string, ShowPlace>();
  for (const links of lookup.linksOf(anilistId)) {
    for (const mapping of links.seasons) {
      const key = `${mapping.provider}:${mapping.showId}:${mapping.season}`;
      const known = places.get(key);
      if (known) {
        if (!known.sources.includes(links.source)) known.sources.push(links.source);
        continue;
      }
      places.set(key, { provider: mapping.provider, showId: mapping.showId, season: mapping.season, episodes: mapping.episodes, offset: mapping.offset, sources: [links.source] });
    }
  }
  const rank = (place: ShowPlace): number => SOURCE_PRECEDENCE.indexOf(place.sources[0] ?? 'fribb');
  return [...places.values()].sort(
    (a, b) => rank(a) - rank(b) || (a.provider === b.provider ? 0 : a.provider === 'tvdb' ? -1 : 1) || Number(a.showId) - Number(b.showId) || a.season - b.season,
  );
}

export interface EpisodePlace {
  provider: 'tvdb' | 'tmdb';
  showId: string;
  season: number;
  /** The provider episodes that make up the AniList episode (several where a table's ratio says so). */
  episodes: EpisodeRange;
  source: MappingSourceName;
}

/**
 * Where one AniList episode is on TVDB/TMDB, most trusted table first: what the sync engine marks watched
 * on Plex or Trakt when AniList progress moves. One place per provider show.
 */
export function episodePlaces(lookup: MappingLookup, anilistId: number, anilistEpisode: number): EpisodePlace[] {
  const places: EpisodePlace[] = [];
  // The most trusted table that maps the entry into a show decides for that show, even when it says the
  // episode is not there: a vaguer table's open-ended row would place it in the next cour.
  const decided = new Set<string>();
  for (const links of lookup.linksOf(anilistId)) {
    const mine = new Set<string>();
    for (const mapping of links.seasons) {
      const show = `${mapping.provider}:${mapping.showId}`;
      if (decided.has(show)) continue;
      mine.add(show);
      const episodes = anilistToProvider(mapping, anilistEpisode);
      if (episodes && !places.some((place) => place.provider === mapping.provider && place.showId === mapping.showId)) {
        places.push({ provider: mapping.provider, showId: mapping.showId, season: mapping.season, episodes, source: links.source });
      }
    }
    for (const show of mine) decided.add(show);
  }
  return places;
}

export interface IdBridge {
  /** MAL ids of an AniList entry: AniList's own idMal when known, else the tables' (most trusted first). */
  malIdsOf(anilistId: number): number[];
  /** AniList entries of a MAL id: the idMal map first, then the tables. */
  anilistIdsOf(malId: number): number[];
}

/** `idMal`: AniList id → its idMal as AniList reports it (null: AniList says there is no MAL entry). */
export function createIdBridge(lookup: MappingLookup, idMal: ReadonlyMap<number, number | null> = new Map()): IdBridge {
  const byMal = new Map<number, number[]>();
  for (const [anilistId, malId] of idMal) {
    if (malId !== null) byMal.set(malId, [...(byMal.get(malId) ?? []), anilistId]);
  }
  return {
    malIdsOf(anilistId) {
      const own = idMal.get(anilistId);
      if (own !== undefined) return own === null ? [] : [own];
      const ids: number[] = [];
      for (const links of lookup.linksOf(anilistId)) for (const id of links.malIds) if (!ids.includes(id)) ids.push(id);
      return ids;
    },
    anilistIdsOf(malId) {
      const own = byMal.get(malId);
      if (own) return own;
      const ids: number[] = [];
      for (const hit of lookup.byExternalId('mal', String(malId))) {
        // An entry AniList itself links to another MAL id is not this one, whatever a table says.
        const stated = idMal.get(hit.anilistId);
        if (stated !== undefined && stated !== malId) continue;
        if (!ids.includes(hit.anilistId)) ids.push(hit.anilistId);
      }
      return ids;
    },
  };
}
