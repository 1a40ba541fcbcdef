import { hashString } from '../common/random';
import { roughKey } from './generate/derive';
import type { SeedTitle } from './world';

/**
 * Landmarks chosen by rule rather than by hand, so they stay right if the catalogue is regenerated from
 * newer mapping data. Each rule is deterministic for a given catalogue.
 */

/** Every normalised title (romaji and English) and how many titles carry it. */
export function titleKeyCounts(titles: Iterable<SeedTitle>, extraNames: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (name: string | null) => {
    if (!name) return;
    const key = roughKey(name);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (const title of titles) {
    add(title.titles.romaji);
    add(title.titles.english);
  }
  for (const name of extraNames) add(name);
  return counts;
}

/**
 * "Unmatched": a real AniList TV entry that no mapping links to TVDB, TMDB or IMDb, whose title normalises
 * to no other title in the world, so neither ids nor title matching can place it. Among those, the one
 * whose id hashes lowest (a stable but arbitrary pick).
 */
export function pickUnmatched(anime: SeedTitle[], counts: Map<string, number>): SeedTitle {
  let best: SeedTitle | undefined;
  let bestHash = Number.POSITIVE_INFINITY;
  for (const title of anime) {
    const ids = title.ids;
    if (title.format !== 'TV' || title.isAdult || title.episodes === null || ids.mal === undefined) continue;
    if (ids.tvdb !== undefined || ids.tmdbShow !== undefined || ids.tmdbMovie !== undefined || ids.imdb !== undefined) continue;
    if (counts.get(roughKey(title.titles.romaji)) !== 1) continue;
    if (title.titles.english !== null && counts.get(roughKey(title.titles.english)) !== 1) continue;
    if (/\((?:19|20)\d\d/.test(title.titles.romaji)) continue;
    const hash = hashString(`unmatched:${title.key}`);
    if (hash < bestHash) {
      best = title;
      bestHash = hash;
    }
  }
  if (!best) throw new Error('seed: no catalogue title qualifies as "unmatched"');
  return best;
}

/** "Airing": the lowest-id TV entry whose episode count AniList does not know yet. */
export function pickAiring(anime: SeedTitle[], exclude: Set<string>): SeedTitle {
  const found = anime.find((title) => title.format === 'TV' && title.episodes === null && !title.isAdult && title.ids.mal !== undefined && !exclude.has(title.key));
  if (!found) throw new Error('seed: no catalogue title qualifies as "airing"');
  return found;
}

/** "Adult": the lowest-id adult entry, for MAL's nsfw filter and AniList's isAdult (2k and 10k only). */
export function pickAdult(anime: SeedTitle[]): SeedTitle {
  const found = anime.find((title) => title.isAdult && title.ids.mal !== undefined);
  if (!found) throw new Error('seed: no adult catalogue title');
  return found;
}
