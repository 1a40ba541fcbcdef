import { showKeyFor, stable } from './titles';
import type { SeedShow, SeedTitle } from './world';

/**
 * TVDB-style shows, built the way Plex and Trakt see anime: every AniList entry that fills part of a TVDB
 * show lands in that show's season(s) at its offset. Split cours share a season (AniList 99147 and 104578
 * are TVDB 267440 season 3, episodes 1-12 and 13-22); one long AniList entry can fill several seasons
 * (Naruto); specials sit in season 0.
 */

/** Trakt ids are not in the mapping data: shows and movies get stable ones from their catalogue order. */
export const TRAKT_SHOW_ID_BASE = 200_000;
export const TRAKT_MOVIE_ID_BASE = 100_000;

/** Code-unit order: unlike localeCompare, the same on every machine whatever its locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function slugify(text: string): string {
  const slug = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return slug === '' ? 'untitled' : slug;
}

/** Trakt's slugs are unique: a taken one gets the year, then the id, as Trakt does. */
export class SlugRegistry {
  private taken = new Set<string>();

  /** A registry that starts with the same slugs taken and then goes its own way. */
  copy(): SlugRegistry {
    const copy = new SlugRegistry();
    copy.taken = new Set(this.taken);
    return copy;
  }

  claim(title: string, year: number | null, id: number): string {
    const base = slugify(title);
    for (const candidate of [base, `${base}-${year ?? id}`, `${base}-${id}`]) {
      if (!this.taken.has(candidate)) {
        this.taken.add(candidate);
        return candidate;
      }
    }
    throw new Error(`no free slug for ${title}`);
  }
}

/** The entry a show is named after: the lowest regular season's first stretch. */
function headline(members: SeedTitle[]): SeedTitle | undefined {
  const order = (title: SeedTitle) => {
    const season = title.tvdb?.season ?? 0;
    return (season === 0 ? 10_000 : season) * 100_000 + (title.tvdb?.episodeOffset ?? 0);
  };
  return [...members].sort((a, b) => order(a) - order(b) || (a.ids.anilist ?? 0) - (b.ids.anilist ?? 0))[0];
}

function mostCommon<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: T | undefined;
  for (const [value, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = value;
  return best;
}

export function buildAnimeShows(titles: SeedTitle[], slugs: SlugRegistry): SeedShow[] {
  const byShow = new Map<number, SeedTitle[]>();
  for (const title of titles) {
    const tvdb = title.ids.tvdb;
    if (tvdb === undefined || !title.tvdb) continue;
    const list = byShow.get(tvdb) ?? [];
    list.push(title);
    byShow.set(tvdb, list);
  }
  const ids = [...byShow.keys()].sort((a, b) => a - b);
  return ids.map((tvdb, index) => {
    const members = byShow.get(tvdb) ?? [];
    const lead = headline(members);
    const key = showKeyFor(tvdb);
    const seasons = new Map<number, { episodeCount: number; entries: Array<{ offset: number; key: string }> }>();
    for (const title of members) {
      for (const piece of title.tvdbSeasons ?? []) {
        const season = seasons.get(piece.season) ?? { episodeCount: 0, entries: [] };
        season.episodeCount = Math.max(season.episodeCount, piece.episodeOffset + piece.episodes);
        season.entries.push({ offset: piece.episodeOffset, key: title.key });
        seasons.set(piece.season, season);
      }
    }
    const seasonList = [...seasons.entries()]
      .sort(([a], [b]) => a - b)
      .map(([number, season]) => ({ number, episodeCount: season.episodeCount, titleKeys: season.entries.sort((a, b) => a.offset - b.offset || compareText(a.key, b.key)).map((entry) => entry.key) }));
    const regularYears = members.filter((title) => (title.tvdb?.season ?? 0) > 0).map((title) => title.year ?? 9999);
    const name = lead?.titles.english ?? lead?.titles.romaji ?? `TVDB ${tvdb}`;
    const year = regularYears.length > 0 ? Math.min(...regularYears) : (lead?.year ?? null);
    const traktId = TRAKT_SHOW_ID_BASE + index + 1;
    const tmdbShow = mostCommon(members.map((title) => title.ids.tmdbShow).filter((id): id is number => id !== undefined));
    const imdb = mostCommon(members.filter((title) => (title.tvdb?.season ?? 0) > 0).map((title) => title.ids.imdb).filter((id): id is string => id !== undefined));
    const show: SeedShow = {
      key,
      kind: 'anime',
      title: name,
      year,
      ids: { tvdb, ...(tmdbShow === undefined ? {} : { tmdbShow }), ...(imdb === undefined ? {} : { imdb }), trakt: traktId, traktSlug: slugs.claim(name, year, traktId) },
      genres: lead?.genres ?? [],
      overview: `${name}: ${seasonList.filter((season) => season.number > 0).length} season(s) on TVDB. (Seed data; placeholder overview.)`,
      rating: Math.round(((lead?.averageScore ?? 70) / 10 + (stable(key, 'rating', 7) - 3) / 10) * 10) / 10,
      seasons: seasonList,
      // Three or more AniList entries at offsets in one TVDB season: the season runs on where AniList restarts.
      absoluteNumbering: seasonList.some((season) => season.number > 0 && new Set(seasons.get(season.number)?.entries.map((entry) => entry.offset)).size >= 3),
    };
    return show;
  });
}
