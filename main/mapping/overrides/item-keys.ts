import type { MatchQuery } from '../model';
import { foldTitle } from '../titles/normalize';

/**
 * The keys a decision can be about, most specific first. A decision on `tvdb:76885:s1` holds for every
 * library and service that names that TVDB season; a title key is the fallback for items with no usable
 * id. Season 0 (specials) is a season like any other.
 */

export type ItemKey = string;

/**
 * The matcher's own folding (case, width, diacritics, symbols), then without spaces, so "SPY×FAMILY",
 * "Spy x Family" and "Re:ZERO" / "Re ZERO" each share one key.
 */
export function titleKeyText(title: string): string {
  return foldTitle(title).replace(/ /g, '');
}

interface ParsedGuid {
  kind: 'tvdb' | 'tmdb' | 'imdb' | 'plex';
  id: string;
}

function parseGuid(guid: string): ParsedGuid | null {
  const match = /^(tvdb|tmdb|imdb|plex):\/\/(.+)$/.exec(guid.trim());
  if (!match?.[1] || !match[2]) return null;
  return { kind: match[1] as ParsedGuid['kind'], id: match[2] };
}

export function seasonKey(provider: 'tvdb' | 'tmdb', showId: string | number, season: number): ItemKey {
  return `${provider}:${showId}:s${season}`;
}

export function movieKey(kind: 'tmdb_movie' | 'imdb', id: string | number): ItemKey {
  return `${kind}:${id}`;
}

export function titleKey(title: string, season: number | null | undefined, type: MatchQuery['type']): ItemKey {
  return type === 'movie' ? `title:movie:${titleKeyText(title)}` : `title:show:${titleKeyText(title)}:s${season ?? 1}`;
}

export function itemKeysOf(query: MatchQuery): ItemKey[] {
  const keys: ItemKey[] = [];
  for (const raw of query.guids) {
    const guid = parseGuid(raw);
    if (!guid) continue;
    if (query.type === 'movie') {
      if (guid.kind === 'tmdb') keys.push(movieKey('tmdb_movie', guid.id));
      else if (guid.kind === 'imdb') keys.push(movieKey('imdb', guid.id));
      else if (guid.kind === 'plex') keys.push(`plex:${guid.id}`);
    } else if (guid.kind === 'tvdb' || guid.kind === 'tmdb') {
      keys.push(seasonKey(guid.kind, guid.id, query.season ?? 1));
    } else if (guid.kind === 'plex') {
      keys.push(`plex:${guid.id}:s${query.season ?? 1}`);
    }
  }
  if (query.title.trim()) keys.push(titleKey(query.title, query.season, query.type));
  return [...new Set(keys)];
}
