/**
 * Plex and Trakt name the same show in several spellings: the modern agent's `tvdb://76885`, the legacy
 * agents' `com.plexapp.agents.thetvdb://76885/1/2?lang=en`, HAMA's `com.plexapp.agents.hama://anidb-123`.
 * This reads all of them into one shape. A season's own GUIDs are kept apart on purpose: a season's
 * `tvdb://11636` is a TVDB *season* id, and looking it up as a show id would match an unrelated show.
 */

export type GuidKind = 'tvdb' | 'tmdb' | 'imdb' | 'anidb' | 'plex';

export interface ParsedGuid {
  kind: GuidKind;
  /** Digits for tvdb/tmdb/anidb, "tt…" for imdb, the hex key (with its "show/"/"movie/" prefix) for plex. */
  id: string;
  /** Season and episode a legacy agent appends (`…thetvdb://76885/1/2`): the item's own place, not the show's. */
  season?: number;
  episode?: number;
}

/** Everything the GUIDs of one item say, first GUID of each kind winning (Plex lists the primary one first). */
export interface ItemIds {
  tvdb: string | null;
  tmdb: string | null;
  imdb: string | null;
  anidb: string | null;
  plex: string | null;
}

const LEGACY_AGENTS: Record<string, GuidKind> = {
  'com.plexapp.agents.thetvdb': 'tvdb',
  'com.plexapp.agents.thetvdbdvd': 'tvdb',
  'com.plexapp.agents.themoviedb': 'tmdb',
  'com.plexapp.agents.imdb': 'imdb',
  'com.plexapp.agents.anidb': 'anidb',
  'com.plexapp.agents.plex': 'plex',
  thetvdb: 'tvdb',
  themoviedb: 'tmdb',
  tvdb: 'tvdb',
  tmdb: 'tmdb',
  imdb: 'imdb',
  anidb: 'anidb',
  plex: 'plex',
};

function parseHama(rest: string): ParsedGuid | null {
  // HAMA encodes the source in the id: "anidb-123", "tvdb-76885", "tvdb3-…" (absolute order), "tmdb-…", "imdb-tt…".
  const match = /^(anidb|tvdb\d?|tmdb|imdb)-([A-Za-z0-9]+)/.exec(rest);
  if (!match?.[1] || !match[2]) return null;
  const kind: GuidKind = match[1].startsWith('tvdb') ? 'tvdb' : (match[1] as GuidKind);
  return checkedId(kind, match[2]);
}

function checkedId(kind: GuidKind, id: string): ParsedGuid | null {
  if (kind === 'imdb') return /^tt\d+$/.test(id) ? { kind, id } : null;
  if (kind === 'plex') return /^(show|movie|season|episode)\/[0-9a-f]+$/i.test(id) ? { kind, id } : null;
  return /^\d+$/.test(id) ? { kind, id: String(Number(id)) } : null;
}

/** One GUID, or null when it is not one Kizuna can use (`local://`, `none://`, garbled). */
export function parseGuid(raw: string): ParsedGuid | null {
  const match = /^([a-z0-9.]+):\/\/([^?#]*)/i.exec(raw.trim());
  if (!match?.[1] || match[2] === undefined) return null;
  const scheme = match[1].toLowerCase();
  const rest = match[2];
  if (scheme === 'com.plexapp.agents.hama') return parseHama(rest);
  const kind = LEGACY_AGENTS[scheme];
  if (!kind) return null;
  if (kind === 'plex') return checkedId(kind, rest.replace(/\/+$/, ''));
  const [id = '', season, episode] = rest.split('/');
  const parsed = checkedId(kind, id);
  if (!parsed) return null;
  if (season !== undefined && /^\d+$/.test(season)) parsed.season = Number(season);
  if (episode !== undefined && /^\d+$/.test(episode)) parsed.episode = Number(episode);
  return parsed;
}

/** The ids a show's or movie's GUIDs name. Unknown or malformed GUIDs are skipped, never guessed at. */
export function itemIds(guids: readonly string[]): ItemIds {
  const ids: ItemIds = { tvdb: null, tmdb: null, imdb: null, anidb: null, plex: null };
  for (const raw of guids) {
    const guid = parseGuid(raw);
    if (guid && ids[guid.kind] === null) ids[guid.kind] = guid.id;
  }
  return ids;
}

/**
 * Season GUIDs name seasons (TVDB/TMDB season ids), which no mapping table is keyed by; they are parsed so a
 * caller can show them, and so they can never leak into show-id lookups.
 */
export function seasonIds(guids: readonly string[] | null | undefined): { tvdbSeason: string | null; tmdbSeason: string | null } {
  const ids = itemIds(guids ?? []);
  return { tvdbSeason: ids.tvdb, tmdbSeason: ids.tmdb };
}

/** "tvdb", "tmdb", "tmdb(trakt)", "tvdbdvd" → the provider whose season numbers the item uses; null when unknown. */
export function seasonOrderingProvider(ordering: string | null | undefined): 'tvdb' | 'tmdb' | null {
  const text = (ordering ?? '').toLowerCase();
  if (text.startsWith('tmdb') || text.startsWith('themoviedb')) return 'tmdb';
  if (text.startsWith('tvdb') || text.startsWith('thetvdb')) return 'tvdb';
  return null;
}
