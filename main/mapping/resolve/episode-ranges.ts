import { intersectRanges } from '../data/ranges';
import type { EpisodeRange, SeasonMapping } from '../model';

/**
 * The season-level range questions the resolver asks on top of main/mapping/data/ranges.ts: where an entry
 * starts in a season, and whether it covers the episodes asked about. Tables say "the whole season" in two ways: no ranges at all, or no ranges with an
 * offset (Fribb/Kometa `epoffset`, Anime-Lists `episodeoffset`): the entry then starts at offset + 1 and runs
 * until the next entry of the same season starts, which only the season as a whole can tell.
 */

/** First episode of the season this mapping covers. */
export function mappingStart(mapping: SeasonMapping): number {
  if (mapping.episodes.length === 0) return Math.max(1, mapping.offset + 1);
  return Math.min(...mapping.episodes.map((range) => range.start));
}

export function rangesIntersect(a: EpisodeRange, b: EpisodeRange): boolean {
  return intersectRanges(a, b) !== null;
}

/**
 * The ranges a mapping covers once its season's other entries are known: explicit ranges as they are; an
 * offset-only mapping from its start up to the episode before the next entry's start (open if none).
 * `sortedStarts`: the season's entry starts, ascending.
 */
export function effectiveRanges(mapping: SeasonMapping, sortedStarts: readonly number[]): EpisodeRange[] {
  if (mapping.episodes.length > 0) return mapping.episodes;
  const start = mappingStart(mapping);
  const next = sortedStarts.find((other) => other > start);
  return [{ start, end: next === undefined ? null : next - 1 }];
}

export function coversAny(ranges: readonly EpisodeRange[], wanted: EpisodeRange): boolean {
  return ranges.some((range) => rangesIntersect(range, wanted));
}

/** Highest episode number the ranges name, or null when one is open-ended. */
export function rangesEnd(ranges: readonly EpisodeRange[]): number | null {
  let end = 0;
  for (const range of ranges) {
    if (range.end === null) return null;
    end = Math.max(end, range.end);
  }
  return end;
}

export function formatRanges(ranges: readonly EpisodeRange[]): string {
  if (ranges.length === 0) return 'all episodes';
  return ranges.map((range) => (range.end === range.start ? `e${range.start}` : `e${range.start}-${range.end ?? ''}`)).join(', ');
}
