import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { replaceSourceIndex } from '../../../main/mapping/index/index';
import type { AnimeLinks, SeasonMapping } from '../../../main/mapping/model';
import type { SeedWorld } from './world';

/**
 * The ID table a community mapping file would hold for the seed world, in the app's own AnimeLinks shape:
 * each AniList entry's TVDB stretches (split cours, entries spanning seasons, specials) and films' TMDB ids.
 * Titles the seed leaves unlinked on purpose (no TVDB stretch, no film id) stay out, so the "unmatched"
 * cases still reach the review queue. Tests and the demo load it into the index as a downloaded file would be.
 */
export function seedMappingLinks(world: SeedWorld): AnimeLinks[] {
  const links: AnimeLinks[] = [];
  for (const title of world.titles) {
    const anilistId = title.ids.anilist;
    if (anilistId === undefined || title.kind === 'manga') continue;
    const showId = title.tvdb?.showKey.replace(/^tvdb:/, '');
    const seasons: SeasonMapping[] = [];
    let before = 0;
    for (const stretch of showId ? (title.tvdbSeasons ?? []) : []) {
      seasons.push({
        provider: 'tvdb',
        showId: showId ?? '',
        season: stretch.season,
        episodes: [{ start: stretch.episodeOffset + 1, end: stretch.episodeOffset + stretch.episodes }],
        ratio: 1,
        // AniList episode = provider episode − offset: a later cour starts after the season's earlier episodes,
        // an entry spanning seasons counts on from the episodes it already had.
        offset: stretch.episodeOffset - before,
      });
      before += stretch.episodes;
    }
    const tmdbMovieIds = title.ids.tmdbMovie === undefined ? [] : [title.ids.tmdbMovie];
    if (seasons.length === 0 && tmdbMovieIds.length === 0) continue;
    links.push({
      source: 'plexanibridge-v2',
      anilistId,
      malIds: title.ids.mal === undefined ? [] : [title.ids.mal],
      anidbId: title.ids.anidb ?? null,
      tvdbId: showId ? Number(showId) : null,
      tmdbShowIds: title.ids.tmdbShow === undefined ? [] : [title.ids.tmdbShow],
      tmdbMovieIds,
      imdbIds: title.ids.imdb === undefined ? [] : [title.ids.imdb],
      seasons,
    });
  }
  return links;
}

/**
 * The seed world's ID tables in an app database, as if it had downloaded them: two tables that agree, as the
 * community files mostly do (the resolver rightly doubts a link only one source makes).
 */
export function installSeedMappings(db: Database.Database, world: SeedWorld): void {
  for (const source of ['anibridge-v3', 'plexanibridge-v2'] as const) {
    const links = seedMappingLinks(world).map((link) => ({ ...link, source }));
    const text = JSON.stringify(links);
    const provenance = { url: `seed://${source}`, etag: null, lastModified: null, sha256: createHash('sha256').update(text).digest('hex'), bytes: text.length, fetchedAt: Date.now() };
    replaceSourceIndex(db, source, links, provenance, Date.now());
  }
}
