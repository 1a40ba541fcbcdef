import type { Random } from '../common/random';
import { corePicks, watchlistedKeys } from './core';
import { driftedCopy, makeEntry, type EntryPlan } from './entries';
import type { SeedProfile } from './profiles';
import type { SeedListEntry, SeedTitle } from './world';

/**
 * The user's AniList and MAL lists: the core picks with their planned states and disagreements, then (for
 * 2k and 10k) catalogue titles sampled around them. MAL mirrors AniList mostly but not fully: some entries
 * are missing there, some drifted, and a few exist only on MAL.
 */

export interface ListsInput {
  titles: Map<string, SeedTitle>;
  /** Catalogue anime and manga in catalogue order, for sampling. */
  anime: SeedTitle[];
  manga: SeedTitle[];
  /** Extra rule-picked titles every seed lists (unmatched, airing, adult) with their AniList plan. */
  extras: Array<{ title: SeedTitle; plan: EntryPlan }>;
}

export interface Lists {
  anilist: SeedListEntry[];
  mal: SeedListEntry[];
  /** Titles from the core, which Plex and Trakt treat by hand rather than by chance. */
  coreKeys: Set<string>;
}

function titleOf(titles: Map<string, SeedTitle>, key: string): SeedTitle {
  const title = titles.get(key);
  if (!title) throw new Error(`seed: core title ${key} is not in the catalogue`);
  return title;
}

/** Fisher-Yates on a copy: O(n), and the same order for the same random stream. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

export function buildLists(input: ListsInput, profile: SeedProfile, random: Random): Lists {
  const anilist: SeedListEntry[] = [];
  const mal: SeedListEntry[] = [];
  const coreKeys = new Set<string>();

  for (const pick of corePicks) {
    const title = titleOf(input.titles, `al:${pick.anilist}`);
    coreKeys.add(title.key);
    if (pick.plan === null) {
      if (pick.mal) mal.push(makeEntry(title, random, pick.mal));
      continue;
    }
    const entry = makeEntry(title, random, pick.plan);
    anilist.push(entry);
    if (pick.mal === null || title.ids.mal === undefined) continue;
    mal.push(pick.mal === undefined ? { ...entry } : driftedCopy(entry, title, random, pick.mal));
  }
  for (const { title, plan } of input.extras) {
    coreKeys.add(title.key);
    const entry = makeEntry(title, random, plan);
    anilist.push(entry);
    if (title.ids.mal !== undefined) mal.push({ ...entry });
  }
  if (profile.anilistEntries === 0) return { anilist, mal, coreKeys };

  const mangaTarget = Math.max(0, Math.round(profile.anilistEntries * profile.mangaShare) - anilist.filter((entry) => input.titles.get(entry.titleKey)?.kind === 'manga').length);
  const animeTarget = profile.anilistEntries - anilist.length - mangaTarget;
  // Titles of shows and films on the core Trakt watchlist stay unwatched (Trakt drops watched items from it).
  const used = new Set([...anilist, ...mal].map((entry) => entry.titleKey));
  for (const title of input.anime) if (watchlistedKeys.has(title.key) || watchlistedKeys.has(title.tvdb?.showKey ?? '')) used.add(title.key);
  const animePool = shuffled(input.anime.filter((title) => !used.has(title.key)), random);
  const mangaPool = shuffled(input.manga.filter((title) => !used.has(title.key)), random);
  if (animePool.length < animeTarget || mangaPool.length < mangaTarget) throw new Error(`seed: catalogue too small for ${profile.anilistEntries} entries`);

  const sampled = [...animePool.slice(0, animeTarget), ...mangaPool.slice(0, mangaTarget)];
  for (const title of sampled) {
    const entry = makeEntry(title, random);
    anilist.push(entry);
    if (title.ids.mal === undefined || random() < profile.malMissing) continue;
    mal.push(random() < profile.malDrift ? driftedCopy(entry, title, random) : { ...entry });
  }

  // MAL-only: titles the user added on MAL and never on AniList, from what the sample left over.
  const leftovers = [...animePool.slice(animeTarget), ...mangaPool.slice(mangaTarget)].filter((title) => title.ids.mal !== undefined);
  const malOnly = Math.round(profile.anilistEntries * profile.malOnlyShare);
  for (const title of shuffled(leftovers, random).slice(0, malOnly)) mal.push(makeEntry(title, random));
  return { anilist, mal, coreKeys };
}
