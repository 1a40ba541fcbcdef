import type Database from 'better-sqlite3';
import { SOURCE_PRECEDENCE, type AnimeLinks, type IdKind, type LinkHit, type MappingLookup, type SeasonHit } from '../model';
import { indexGeneration } from './generation';
import { loadResolvedEntries } from './load-entries';

/**
 * The read side of the index, answered from in-memory Maps: the resolver asks thousands of times per sync
 * (the benchmark: 5,000 queries in under a second), so the index is read once and again only after a source
 * is rebuilt, never with a query per call. Every answer lists the most trusted source first, then AniList id;
 * disagreeing sources all stay in, for the resolver to weigh.
 */
interface Maps {
  seasons: Map<string, SeasonHit[]>;
  shows: Map<string, SeasonHit[]>;
  external: Map<string, LinkHit[]>;
  byAnilist: Map<number, AnimeLinks[]>;
}

const rank = new Map(SOURCE_PRECEDENCE.map((source, index) => [source, index]));
const byPrecedence = (a: LinkHit, b: LinkHit): number => (rank.get(a.source) ?? 99) - (rank.get(b.source) ?? 99) || a.anilistId - b.anilistId;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const externalKey = (kind: IdKind, id: string): string => `${kind}:${id}`;

function externalIdsOf(links: AnimeLinks): string[] {
  const keys = [externalKey('anilist', String(links.anilistId))];
  for (const id of links.malIds) keys.push(externalKey('mal', String(id)));
  if (links.anidbId !== null) keys.push(externalKey('anidb', String(links.anidbId)));
  if (links.tvdbId !== null) keys.push(externalKey('tvdb', String(links.tvdbId)));
  for (const id of links.tmdbShowIds) keys.push(externalKey('tmdb_show', String(id)));
  for (const id of links.tmdbMovieIds) keys.push(externalKey('tmdb_movie', String(id)));
  for (const id of links.imdbIds) keys.push(externalKey('imdb', id));
  return keys;
}

function buildMaps(entries: AnimeLinks[]): Maps {
  const maps: Maps = { seasons: new Map(), shows: new Map(), external: new Map(), byAnilist: new Map() };
  for (const links of entries) {
    const anilistId = links.anilistId;
    if (anilistId === null) continue;
    push(maps.byAnilist, anilistId, links);
    for (const key of externalIdsOf(links)) {
      // One hit per (id, AniList entry, source), however many entries of a file repeat the link.
      const list = maps.external.get(key);
      if (list?.some((hit) => hit.anilistId === anilistId && hit.source === links.source)) continue;
      push(maps.external, key, { anilistId, source: links.source });
    }
    for (const mapping of links.seasons) {
      const hit: SeasonHit = { anilistId, source: links.source, mapping };
      push(maps.seasons, `${mapping.provider}:${mapping.showId}:${mapping.season}`, hit);
      push(maps.shows, `${mapping.provider}:${mapping.showId}`, hit);
    }
  }
  for (const list of [...maps.seasons.values(), ...maps.shows.values(), ...maps.external.values()]) list.sort(byPrecedence);
  for (const list of maps.byAnilist.values()) list.sort((a, b) => (rank.get(a.source) ?? 99) - (rank.get(b.source) ?? 99));
  return maps;
}

export function createMappingLookup(db: Database.Database): MappingLookup {
  let maps: Maps | null = null;
  let loadedGeneration = -1;
  let loadedDataVersion = -1;
  const current = (): Maps => {
    // data_version changes when another connection commits; the generation when this one rebuilt a source.
    const dataVersion = db.pragma('data_version', { simple: true }) as number;
    const generation = indexGeneration(db);
    if (!maps || generation !== loadedGeneration || dataVersion !== loadedDataVersion) {
      maps = buildMaps(loadResolvedEntries(db));
      loadedGeneration = generation;
      loadedDataVersion = dataVersion;
    }
    return maps;
  };
  return {
    bySeason: (provider, showId, season) => [...(current().seasons.get(`${provider}:${showId}:${season}`) ?? [])],
    byShow: (provider, showId) => [...(current().shows.get(`${provider}:${showId}`) ?? [])],
    byExternalId: (kind, id) => [...(current().external.get(externalKey(kind, id)) ?? [])],
    linksOf: (anilistId) => [...(current().byAnilist.get(anilistId) ?? [])],
  };
}
