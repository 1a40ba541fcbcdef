import type { EpisodeRange, SeasonMapping } from '../model';

/**
 * Episode range arithmetic shared by the loaders (parsing) and the resolver (mapping episodes).
 *
 * How a SeasonMapping numbers AniList episodes: the first provider episode listed in `episodes` is AniList
 * episode `episodes[0].start − offset`; later provider episodes count on through the listed ranges in order,
 * `ratio` provider episodes per AniList episode (negative: |ratio| AniList episodes per provider episode).
 * With one range and ratio 1 this is exactly "AniList = provider − offset" (Anime-Lists `episodeoffset`);
 * counting through the ranges is what PlexAniBridge does for "e1-e12,e14-e24" (its README: the ranges are
 * one AniList entry's episodes, in order). An empty `episodes` is the whole season, from episode 1.
 */

/** Anime-Lists `defaulttvdbseason="a"` and Kometa `tvdb_season: -1`: the show's absolute numbering, not a season. */
export const ABSOLUTE_SEASON = -1;

export interface RatioRange {
  range: EpisodeRange;
  ratio: number;
}

export class RangeSyntaxError extends Error {}

const plexAniBridgeItem = /^e(\d+)(?:(-)(?:e?(\d+))?)?(?:\|(-?\d+))?$/;
const anibridgeItem = /^(\d+)(?:(-)(\d+)?)?(?:\|(-?\d+))?$/;

function toRatioRange(text: string, match: RegExpExecArray | null): RatioRange {
  if (!match) throw new RangeSyntaxError(`"${text}" is not an episode range`);
  const start = Number(match[1]);
  const end = match[2] === undefined ? start : match[3] === undefined ? null : Number(match[3]);
  const ratio = match[4] === undefined ? 1 : Number(match[4]);
  if (start < 0 || (end !== null && end < start)) throw new RangeSyntaxError(`"${text}" ends before it starts`);
  if (ratio === 0) throw new RangeSyntaxError(`"${text}" has ratio 0`);
  return { range: { start, end }, ratio };
}

function parseList(text: string, item: RegExp): RatioRange[] {
  return text.split(',').map((part) => {
    const trimmed = part.trim();
    return toRatioRange(trimmed, item.exec(trimmed));
  });
}

/**
 * PlexAniBridge v2 `tvdb_mappings` value: "" (whole season), "e5", "e1-e13", open "e3-", ratios "e1-e12|2" and
 * "e1|-2", lists "e1-e12,e14-e24". "e24-26" (no second "e") occurs in the published file and means the same.
 */
export function parsePlexAniBridgeEpisodes(text: string): RatioRange[] {
  return text.trim() === '' ? [] : parseList(text, plexAniBridgeItem);
}

/** anibridge v3 range: `x[-y][|ratio][,x2[-y2][|ratio2]...]` (its README and mappings.schema.json). */
export function parseAnibridgeRanges(text: string): RatioRange[] {
  return parseList(text, anibridgeItem);
}

export function formatRange(range: EpisodeRange): string {
  if (range.end === range.start) return String(range.start);
  return `${range.start}-${range.end ?? ''}`;
}

/** Episodes in a range; null when open. */
export function rangeLength(range: EpisodeRange): number | null {
  return range.end === null ? null : range.end - range.start + 1;
}

export function rangeContains(range: EpisodeRange, episode: number): boolean {
  return episode >= range.start && (range.end === null || episode <= range.end);
}

/** The episodes both ranges hold, or null when they do not overlap. */
export function intersectRanges(a: EpisodeRange, b: EpisodeRange): EpisodeRange | null {
  const start = Math.max(a.start, b.start);
  const end = a.end === null ? b.end : b.end === null ? a.end : Math.min(a.end, b.end);
  return end !== null && end < start ? null : { start, end };
}

/** Consecutive ranges with the same ratio, since one SeasonMapping has one ratio. */
export function groupByRatio(ranges: readonly RatioRange[]): RatioRange[][] {
  const groups: RatioRange[][] = [];
  for (const range of ranges) {
    const last = groups.at(-1);
    if (last && last[0]?.ratio === range.ratio) last.push(range);
    else groups.push([range]);
  }
  return groups;
}

/** AniList episodes a group of same-ratio ranges stands for; an open range adds none (nothing after it can be placed). */
export function anilistCountOf(group: readonly RatioRange[]): number {
  let provider = 0;
  for (const { range } of group) provider += rangeLength(range) ?? 0;
  const ratio = group[0]?.ratio ?? 1;
  return ratio < 0 ? provider * -ratio : Math.ceil(provider / ratio);
}

function rangesOf(mapping: SeasonMapping): EpisodeRange[] {
  return mapping.episodes.length > 0 ? mapping.episodes : [{ start: 1, end: null }];
}

/** Does the mapping cover this provider episode of its season? */
export function mappingContains(mapping: SeasonMapping, providerEpisode: number): boolean {
  return rangesOf(mapping).some((range) => rangeContains(range, providerEpisode));
}

function firstAnilistEpisode(mapping: SeasonMapping): number {
  return (rangesOf(mapping)[0]?.start ?? 1) - mapping.offset;
}

/** 0-based position of a provider episode in the mapping's ranges, or null when it is not in them. */
function positionOf(mapping: SeasonMapping, providerEpisode: number): number | null {
  let before = 0;
  for (const range of rangesOf(mapping)) {
    if (rangeContains(range, providerEpisode)) return before + providerEpisode - range.start;
    const length = rangeLength(range);
    if (length === null) return null;
    before += length;
  }
  return null;
}

/** The provider episode at a 0-based position in the mapping's ranges, or null past their end. */
function episodeAt(mapping: SeasonMapping, position: number): number | null {
  let left = position;
  for (const range of rangesOf(mapping)) {
    const length = rangeLength(range);
    if (length === null || left < length) return range.start + left;
    left -= length;
  }
  return null;
}

/**
 * The AniList episode(s) a provider episode is (part of): one episode when ratio ≥ 1 (with ratio 2, provider
 * episodes 1 and 2 are both AniList episode 1), several when the ratio is negative. Null outside the mapping.
 */
export function providerToAnilist(mapping: SeasonMapping, providerEpisode: number): EpisodeRange | null {
  const position = positionOf(mapping, providerEpisode);
  if (position === null) return null;
  const first = firstAnilistEpisode(mapping);
  if (mapping.ratio < 0) {
    const per = -mapping.ratio;
    const start = first + position * per;
    return start < 1 ? null : { start, end: start + per - 1 };
  }
  const episode = first + Math.floor(position / Math.max(1, mapping.ratio));
  return episode < 1 ? null : { start: episode, end: episode };
}

/** The provider episodes of this mapping's season that make up one AniList episode; null when not mapped. */
export function anilistToProvider(mapping: SeasonMapping, anilistEpisode: number): EpisodeRange | null {
  const distance = anilistEpisode - firstAnilistEpisode(mapping);
  if (distance < 0) return null;
  if (mapping.ratio < 0) {
    const episode = episodeAt(mapping, Math.floor(distance / -mapping.ratio));
    return episode === null ? null : { start: episode, end: episode };
  }
  const per = Math.max(1, mapping.ratio);
  const start = episodeAt(mapping, distance * per);
  const end = episodeAt(mapping, distance * per + per - 1);
  return start === null ? null : { start, end: end ?? start };
}

/** Provider episodes the mapping holds in total; null when a range is open. */
export function providerEpisodeCount(mapping: SeasonMapping): number | null {
  let total = 0;
  for (const range of rangesOf(mapping)) {
    const length = rangeLength(range);
    if (length === null) return null;
    total += length;
  }
  return total;
}

/** AniList episodes the mapping covers, e.g. {13, 24} for a second cour; end null when open. */
export function anilistEpisodesOf(mapping: SeasonMapping): EpisodeRange {
  const first = firstAnilistEpisode(mapping);
  const count = providerEpisodeCount(mapping);
  if (count === null) return { start: first, end: null };
  const anilistCount = mapping.ratio < 0 ? count * -mapping.ratio : Math.ceil(count / Math.max(1, mapping.ratio));
  return { start: first, end: first + anilistCount - 1 };
}
