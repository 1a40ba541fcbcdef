import { hashString } from '../../common/random';
import type { MediaFormat } from '../world';
import type { AnibridgeEntry, AnimeListsEntry, FribbEntry } from './sources';
import type { RawPiece } from './pieces';

/**
 * What the mapping data does not say (format for unlinked entries, years, episode counts without a range),
 * derived deterministically from the ids so every run gives the same catalogue. Values are plausible, not
 * real; the catalogue's note says so.
 */

/** A stable number in [0, n) for one fact about one entry. */
export function choose(anilist: number, fact: string, n: number): number {
  return hashString(`${anilist}:${fact}`) % n;
}

export function first<T>(value: T | T[] | undefined): T | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

/**
 * PlexAniBridge lists every MAL id sharing the entry's AniDB id (recaps, specials, duplicates). AniList's own
 * idMal is one of them and is unique per entry. First the entries Fribb's list confirms (its AniList id and
 * MAL id agree), then older ids that equal their MAL id, then the first candidate nobody has taken; an
 * entry whose candidates are all taken gets none, as some AniList entries have no MAL twin.
 */
export function assignMalIds(ids: number[], candidatesOf: (anilist: number) => number[], fribbOf: (anilist: number) => FribbEntry | undefined): Map<number, number | null> {
  const assigned = new Map<number, number | null>();
  const taken = new Set<number>();
  const claim = (anilist: number, mal: number) => {
    assigned.set(anilist, mal);
    taken.add(mal);
  };
  for (const anilist of ids) {
    const fribb = fribbOf(anilist);
    if (fribb?.anilist_id === anilist && fribb.mal_id !== undefined && candidatesOf(anilist).includes(fribb.mal_id) && !taken.has(fribb.mal_id)) claim(anilist, fribb.mal_id);
  }
  for (const anilist of ids) if (!assigned.has(anilist) && candidatesOf(anilist).includes(anilist) && !taken.has(anilist)) claim(anilist, anilist);
  for (const anilist of ids) {
    if (assigned.has(anilist)) continue;
    const free = candidatesOf(anilist).find((mal) => !taken.has(mal));
    if (free === undefined) assigned.set(anilist, null);
    else claim(anilist, free);
  }
  return assigned;
}

export function malCandidates(entry: AnibridgeEntry | undefined): number[] {
  const mal = entry?.mal_id;
  return mal === undefined ? [] : Array.isArray(mal) ? mal : [mal];
}

export function deriveFormat(anilist: number, entry: AnibridgeEntry, names: AnimeListsEntry, pieces: RawPiece[]): MediaFormat {
  const kind = /^\d+$/.test(names.tvdbid) ? '' : names.tvdbid.toLowerCase();
  if (entry.tmdb_movie_id !== undefined || kind === 'movie') return 'MOVIE';
  if (kind === 'music video') return 'MUSIC';
  if (kind === 'web') return 'ONA';
  if (kind === 'ova' || kind === 'hentai') return 'OVA';
  if (kind === 'tv special') return 'SPECIAL';
  if (entry.tvdb_id !== undefined && pieces.length > 0) {
    const stated = pieces.every((piece) => piece.episodes !== null);
    const total = pieces.reduce((sum, piece) => sum + (piece.episodes ?? 0), 0);
    if (pieces[0]?.season === 0) return stated && total === 1 ? 'SPECIAL' : 'OVA';
    return stated && total <= 4 ? 'OVA' : 'TV';
  }
  if (entry.tmdb_show_id !== undefined) return 'TV';
  return (['TV', 'TV', 'TV', 'ONA', 'OVA'] as const)[choose(anilist, 'format', 5)] ?? 'TV';
}

const plausibleCounts: Record<MediaFormat, readonly number[]> = {
  TV: [12, 12, 12, 13, 13, 24, 25, 26, 11, 10],
  TV_SHORT: [12, 13, 24],
  ONA: [6, 10, 12, 12, 13],
  OVA: [1, 2, 2, 3, 4, 6],
  SPECIAL: [1, 1, 2],
  MOVIE: [1],
  MUSIC: [1],
  MANGA: [0],
  NOVEL: [0],
  ONE_SHOT: [0],
};

export function plausibleEpisodes(anilist: number, format: MediaFormat, fact: string): number {
  const counts = plausibleCounts[format];
  return counts[choose(anilist, fact, counts.length)] ?? 12;
}

/** MAL ids grew with time; these points give each id a plausible year (AniList ids below 90000 are MAL's). */
const malYears: Array<[number, number]> = [
  [1, 1996], [1000, 2001], [2000, 2004], [4000, 2006], [6000, 2009], [8000, 2010], [10000, 2011], [14000, 2012],
  [18000, 2013], [24000, 2014], [30000, 2015], [33000, 2016], [35000, 2017], [37000, 2018], [39000, 2019],
  [40500, 2020], [44000, 2021], [48000, 2022], [51000, 2023], [54000, 2024], [57000, 2025], [59000, 2026],
];
const anilistYears: Array<[number, number]> = [
  [90000, 2016], [98000, 2017], [100000, 2018], [105000, 2019], [110000, 2020], [120000, 2021], [140000, 2022],
  [150000, 2023], [165000, 2024], [175000, 2025], [182000, 2026],
];

function interpolate(points: Array<[number, number]>, id: number): number {
  let previous = points[0] ?? [0, 2000];
  for (const point of points) {
    if (id < point[0]) return Math.floor(previous[1] + ((id - previous[0]) / Math.max(1, point[0] - previous[0])) * (point[1] - previous[1]));
    previous = point;
  }
  return previous[1];
}

export function deriveYear(anilist: number, mal: number | null, romaji: string): number {
  // AniDB names disambiguate remakes and later cours with the year: "Hinamatsuri (2018)".
  const stated = /\(((?:19|20)\d\d)\b[^)]*\)/.exec(romaji)?.[1];
  if (stated !== undefined) return Number(stated);
  const base = mal !== null ? interpolate(malYears, mal) : interpolate(anilist < 90000 ? malYears : anilistYears, anilist);
  // The oldest ids were entered in bulk, in no order: spread them over the decades before.
  const jitter = (mal ?? anilist) < 6000 ? choose(anilist, 'year', 9) - 6 : choose(anilist, 'year', 5) === 0 ? -1 : 0;
  return Math.min(2026, Math.max(1963, base + jitter));
}

/**
 * The mapping data has no English titles, but Fribb's list carries each entry's Anime-Planet slug, which is
 * usually the English title ("crest-of-the-stars", "kanta-and-the-deer"). Title-casing it gives the
 * English-ish names Plex and Trakt show, so title matching in tests meets the romaji/English gap it meets
 * on real services. The result is approximate (punctuation is lost) and the catalogue's note says so.
 */

const lowerWords = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'vs', 'with', 'x', 'no', 'wa', 'ga', 'wo', 'ni', 'de', 'e']);
const upperWords = new Set(['ii', 'iii', 'iv', 'vi', 'vii', 'viii', 'ix', 'xi', 'xii', 'ova', 'ona', 'tv', 'oad', 'sp', 'dx', 'ux', 'gt', 'z']);

export function titleFromSlug(slug: string): string {
  const words = slug.split('-').filter((word) => word !== '');
  // A trailing year is how Anime-Planet tells remakes apart; TVDB writes it "Title (2019)".
  const year = words.length > 1 && /^(19|20)\d\d$/.test(words[words.length - 1] ?? '') ? words.pop() : undefined;
  const cased = words.map((word, index) => {
    if (upperWords.has(word)) return word.toUpperCase();
    if (index > 0 && lowerWords.has(word)) return word;
    return word.charAt(0).toUpperCase() + word.slice(1);
  });
  return year === undefined ? cased.join(' ') : `${cased.join(' ')} (${year})`;
}

/** Lower-case letters and digits only: enough to tell "the same words" from a real translation. */
export function roughKey(title: string): string {
  return title.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The English title for an entry, or null when the slug only repeats the romaji. */
export function englishTitle(romaji: string, slug: string | undefined): string | null {
  if (!slug || !/[a-z]/.test(slug)) return null;
  const english = titleFromSlug(slug);
  const romajiKey = roughKey(romaji.replace(/\((19|20)\d\d[^)]*\)\s*$/, ''));
  const englishKey = roughKey(english.replace(/\((19|20)\d\d\)$/, ''));
  if (englishKey === '' || englishKey === romajiKey) return null;
  return english;
}
