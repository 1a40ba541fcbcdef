import type Database from 'better-sqlite3';
import { SOURCE_PRECEDENCE, type AnimeLinks, type IdKind, type LinkHit, type MappingLookup, type SeasonHit } from '../model';
import { indexGeneration } from './build';
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

/**
 * One hit per (AniList entry, source), however many entries of a file repeat a link (Kometa lists every
 * AniDB part of a show under the same TVDB id). Sorted lists put repeats side by side; checking each new hit
 * against the whole list instead was quadratic on ids shared by hundreds of entries.
 */
function withoutRepeats(sorted: LinkHit[]): LinkHit[] {
  return sorted.filter((hit, index) => {
    const previous = sorted[index - 1];
    return !previous || previous.anilistId !== hit.anilistId || previous.source !== hit.source;
  });
}

const externalKey = (kind: IdKind, id: string): string => `${kind}:${id}`;

/** Adds one hit under every id the entry links; the hit object is shared, as answers are copied lists of it. */
function addExternal(external: Map<string, LinkHit[]>, links: AnimeLinks, hit: LinkHit): void {
  push(external, `anilist:${hit.anilistId}`, hit);
  for (const id of links.malIds) push(external, `mal:${id}`, hit);
  if (links.anidbId !== null) push(external, `anidb:${links.anidbId}`, hit);
  if (links.tvdbId !== null) push(external, `tvdb:${links.tvdbId}`, hit);
  for (const id of links.tmdbShowIds) push(external, `tmdb_show:${id}`, hit);
  for (const id of links.tmdbMovieIds) push(external, `tmdb_movie:${id}`, hit);
  for (const id of links.imdbIds) push(external, `imdb:${id}`, hit);
}

function buildMaps(entries: AnimeLinks[]): Maps {
  const maps: Maps = { seasons: new Map(), shows: new Map(), external: new Map(), byAnilist: new Map() };
  for (const links of entries) {
    const anilistId = links.anilistId;
    if (anilistId === null) continue;
    push(maps.byAnilist, anilistId, links);
    addExternal(maps.external, links, { anilistId, source: links.source });
    for (const mapping of links.seasons) {
      const hit: SeasonHit = { anilistId, source: links.source, mapping };
      push(maps.seasons, `${mapping.provider}:${mapping.showId}:${mapping.season}`, hit);
      push(maps.shows, `${mapping.provider}:${mapping.showId}`, hit);
    }
  }
  for (const list of [...maps.seasons.values(), ...maps.shows.values()]) list.sort(byPrecedence);
  for (const [key, list] of maps.external) maps.external.set(key, withoutRepeats(list.sort(byPrecedence)));
  for (const list of maps.byAnilist.values()) list.sort((a, b) => (rank.get(a.source) ?? 99) - (rank.get(b.source) ?? 99));
  return maps;
}

interface Loaded {
  maps: Maps;
  generation: number;
  dataVersion: number;
  /** True until the current event-loop turn ends: data_version was asked in this turn already. */
  checked: boolean;
}

/** One copy of the maps per connection, shared by every lookup made on it (the resolver, the bench, the UI). */
const loadedByDb = new WeakMap<Database.Database, Loaded>();

/**
 * The generation (bumped when this connection rebuilds a source) is checked on every call; `PRAGMA
 * data_version` (another connection committed, e.g. `kizuna mappings --update` in another process) once per
 * event-loop turn, since a resolver asks thousands of questions in one synchronous run and the pragma was a
 * visible share of it. Another process's rebuild is seen from the next turn on.
 */
function currentMaps(db: Database.Database): Maps {
  const generation = indexGeneration(db);
  const loaded = loadedByDb.get(db);
  if (loaded && loaded.generation === generation && loaded.checked) return loaded.maps;
  const dataVersion = db.pragma('data_version', { simple: true }) as number;
  const current = loaded && loaded.generation === generation && loaded.dataVersion === dataVersion ? loaded : { maps: buildMaps(loadResolvedEntries(db)), generation, dataVersion, checked: false };
  current.checked = true;
  setImmediate(() => {
    current.checked = false;
  }).unref();
  loadedByDb.set(db, current);
  return current.maps;
}

/** Reads the index now (about a second for all five full tables), so the first question is as fast as the rest. */
export function createMappingLookup(db: Database.Database): MappingLookup {
  currentMaps(db);
  return {
    bySeason: (provider, showId, season) => [...(currentMaps(db).seasons.get(`${provider}:${showId}:${season}`) ?? [])],
    byShow: (provider, showId) => [...(currentMaps(db).shows.get(`${provider}:${showId}`) ?? [])],
    byExternalId: (kind, id) => [...(currentMaps(db).external.get(externalKey(kind, id)) ?? [])],
    linksOf: (anilistId) => [...(currentMaps(db).byAnilist.get(anilistId) ?? [])],
  };
}
