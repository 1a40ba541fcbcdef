import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { itWhen } from '../../../support/environment';
import { buildSeedWorld } from '../../../emulators/seed/index';
import { haveMappings, mappingsDir, mappingsSkipNote } from './mapping-data';

interface Mapping {
  mal_id?: number | number[];
  tvdb_id?: number;
  tmdb_movie_id?: number | number[];
  tmdb_show_id?: number | number[];
  imdb_id?: string | string[];
}

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

describe('real ids in the seed come from the mapping data', () => {
  itWhen(haveMappings, mappingsSkipNote)('every anime title\'s AniList->MAL, TVDB, TMDB and IMDb link is in PlexAniBridge v2', () => {
    const mappings = JSON.parse(readFileSync(join(mappingsDir, 'plexanibridge-v2/mappings.json'), 'utf8')) as Record<string, Mapping>;
    const problems: string[] = [];
    let pairs = 0;
    for (const title of buildSeedWorld('10k').titles) {
      if (title.kind !== 'anime') continue;
      const mapping = mappings[String(title.ids.anilist)];
      if (!mapping) {
        problems.push(`${title.key}: not in the mapping data`);
        continue;
      }
      const { mal, tvdb, tmdbMovie, tmdbShow, imdb } = title.ids;
      if (mal !== undefined && (pairs++, !list(mapping.mal_id).includes(mal))) problems.push(`${title.key}: MAL ${mal}`);
      if (tvdb !== undefined && mapping.tvdb_id !== tvdb) problems.push(`${title.key}: TVDB ${tvdb}`);
      if (tmdbMovie !== undefined && !list(mapping.tmdb_movie_id).includes(tmdbMovie)) problems.push(`${title.key}: TMDB movie ${tmdbMovie}`);
      if (tmdbShow !== undefined && !list(mapping.tmdb_show_id).includes(tmdbShow)) problems.push(`${title.key}: TMDB show ${tmdbShow}`);
      if (imdb !== undefined && !list(mapping.imdb_id).includes(imdb)) problems.push(`${title.key}: IMDb ${imdb}`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(pairs).toBeGreaterThan(10_000);
  });
});
