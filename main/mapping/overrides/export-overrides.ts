import { z } from 'zod';
import { AppError } from '../../../shared/contract';
import type { EpisodeRange } from '../model';
import type { Override, OverrideInput } from './override-store';

/**
 * Two exports. The anibridge (PlexAniBridge v2 mappings.json) format carries links by TVDB/TMDB season or
 * movie id, so other tools can use the person's corrections; title-keyed links, unlinks and ignores have
 * no place in it and are listed as left out. The Kizuna format carries every decision, for backups and
 * moving to another machine.
 */

export function formatRange(range: EpisodeRange | null): string {
  if (!range) return '';
  return range.end === null ? `e${range.start}-` : range.end === range.start ? `e${range.start}` : `e${range.start}-e${range.end}`;
}

interface AnibridgeEntry {
  tvdb_id?: number;
  tvdb_mappings?: Record<string, string>;
  tmdb_show_id?: number;
  tmdb_mappings?: Record<string, string>;
  tmdb_movie_id?: number[];
  imdb_id?: string[];
}

export interface AnibridgeExport {
  mappings: Record<string, AnibridgeEntry>;
  /** Decisions the format cannot carry, with why. */
  leftOut: Array<{ override: Override; reason: string }>;
}

function addRange(target: Record<string, string>, season: string, range: EpisodeRange | null): void {
  const text = formatRange(range);
  const existing = target[season];
  // One AniList entry in two parts of a season (rare) joins them the way the format lists ranges.
  target[season] = existing === undefined ? text : existing === '' || text === '' ? '' : `${existing},${text}`;
}

export function exportAnibridge(overrides: readonly Override[]): AnibridgeExport {
  const mappings: Record<string, AnibridgeEntry> = {};
  const leftOut: AnibridgeExport['leftOut'] = [];
  for (const override of overrides) {
    if (override.kind !== 'link' || override.anilistId === null) {
      leftOut.push({ override, reason: `an "${override.kind}" decision has no place in the anibridge format` });
      continue;
    }
    const entry = (mappings[String(override.anilistId)] ??= {});
    const season = /^(tvdb|tmdb):(\d+):s(\d+)$/.exec(override.itemKey);
    const movie = /^(tmdb_movie|imdb):(.+)$/.exec(override.itemKey);
    if (season?.[1] && season[2] && season[3] !== undefined) {
      const id = Number(season[2]);
      const idField = season[1] === 'tvdb' ? 'tvdb_id' : 'tmdb_show_id';
      if (entry[idField] !== undefined && entry[idField] !== id) {
        leftOut.push({ override, reason: `AniList ${override.anilistId} is already linked to ${season[1].toUpperCase()} ${entry[idField]}; the format allows one` });
        continue;
      }
      entry[idField] = id;
      addRange((season[1] === 'tvdb' ? (entry.tvdb_mappings ??= {}) : (entry.tmdb_mappings ??= {})), `s${season[3]}`, override.episodes);
    } else if (movie?.[1] === 'tmdb_movie' && movie[2]) {
      entry.tmdb_movie_id = [...new Set([...(entry.tmdb_movie_id ?? []), Number(movie[2])])];
    } else if (movie?.[1] === 'imdb' && movie[2]) {
      entry.imdb_id = [...new Set([...(entry.imdb_id ?? []), movie[2]])];
    } else {
      leftOut.push({ override, reason: 'a link by title (no TVDB, TMDB or IMDb id) has no place in the anibridge format' });
    }
  }
  for (const [id, entry] of Object.entries(mappings)) if (Object.keys(entry).length === 0) delete mappings[id];
  return { mappings, leftOut };
}

const KIZUNA_FORMAT = 'kizuna-match-overrides';

const kizunaFileSchema = z.object({
  format: z.literal(KIZUNA_FORMAT),
  version: z.literal(1),
  overrides: z.array(
    z.object({
      itemKey: z.string().min(1),
      kind: z.enum(['link', 'unlink', 'ignore']),
      anilistId: z.number().int().positive().nullable(),
      episodes: z.object({ start: z.number().int().min(0), end: z.number().int().min(0).nullable() }).nullable(),
      label: z.string().default(''),
    }),
  ),
});

export function exportKizuna(overrides: readonly Override[]): string {
  const body = { format: KIZUNA_FORMAT, version: 1, overrides: overrides.map(({ itemKey, kind, anilistId, episodes, label }) => ({ itemKey, kind, anilistId, episodes, label })) };
  return `${JSON.stringify(body, null, 2)}\n`;
}

export function importKizuna(text: string): OverrideInput[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new AppError('validation', `This is not a Kizuna overrides file: it is not JSON (${(error as Error).message}).`);
  }
  const parsed = kizunaFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('validation', `This is not a Kizuna overrides file (${issue?.path.join('.') || 'the file'}: ${issue?.message ?? 'invalid'}).`);
  }
  return parsed.data.overrides.map((override) => ({ ...override, origin: 'import:kizuna' as const }));
}
