import type { EpisodeRange, LinkHit, MappingSourceName, SeasonHit } from '../model';
import { SOURCE_PRECEDENCE } from '../model';
import { coversAny, effectiveRanges, mappingStart, rangesIntersect } from './episode-ranges';

/**
 * What the ID tables say about one provider season (or one movie id), source by source. Each source gives an
 * ordered list of AniList entries (by where each starts in the season); the most trusted source that says
 * anything is the answer, and the others either agree with it or contradict it. Split cours are not a
 * contradiction: a source naming only the second cour still names an entry of the answer.
 */

export interface SourceAnswer {
  source: MappingSourceName;
  /** AniList ids in episode order (those covering the episodes asked about, when asked). */
  ids: number[];
  /** Every id the source maps into the season, asked-about episodes or not: another cour is no contradiction. */
  all: number[];
  ranges: Map<number, EpisodeRange[]>;
  starts: Map<number, number>;
}

export interface Ballot {
  /** Most trusted source first. */
  answers: SourceAnswer[];
}

function precedence(source: MappingSourceName): number {
  const index = SOURCE_PRECEDENCE.indexOf(source);
  return index < 0 ? SOURCE_PRECEDENCE.length : index;
}

/**
 * One source's ordered entries for a season. With `wanted`, entries whose episodes miss it are dropped; an
 * entry a source maps into the season several times (a mapping list in pieces) keeps its earliest start.
 */
function sourceAnswer(source: MappingSourceName, hits: readonly SeasonHit[], wanted: EpisodeRange | null): SourceAnswer {
  const starts = hits.map((hit) => mappingStart(hit.mapping));
  const ranges = new Map<number, EpisodeRange[]>();
  const firstStart = new Map<number, number>();
  for (const hit of hits) {
    const own = effectiveRanges(hit.mapping, starts);
    ranges.set(hit.anilistId, [...(ranges.get(hit.anilistId) ?? []), ...own]);
    const start = mappingStart(hit.mapping);
    firstStart.set(hit.anilistId, Math.min(start, firstStart.get(hit.anilistId) ?? start));
  }
  const all = [...firstStart.keys()].sort((a, b) => (firstStart.get(a) ?? 0) - (firstStart.get(b) ?? 0) || a - b);
  const ids = all.filter((id) => wanted === null || coversAny(ranges.get(id) ?? [], wanted));
  return { source, ids, all, ranges, starts: firstStart };
}

export function seasonBallot(hits: readonly SeasonHit[], wanted: EpisodeRange | null): Ballot {
  const bySource = new Map<MappingSourceName, SeasonHit[]>();
  for (const hit of hits) bySource.set(hit.source, [...(bySource.get(hit.source) ?? []), hit]);
  const answers = [...bySource.entries()]
    .sort(([a], [b]) => precedence(a) - precedence(b))
    .map(([source, own]) => sourceAnswer(source, own, wanted))
    .filter((answer) => answer.ids.length > 0);
  return { answers };
}

/** Movie or cross-id links: no episode order, so ids keep the lookup's order (precedence, then id). */
export function linkBallot(hits: readonly LinkHit[]): Ballot {
  const bySource = new Map<MappingSourceName, number[]>();
  for (const hit of hits) {
    const ids = bySource.get(hit.source) ?? [];
    if (!ids.includes(hit.anilistId)) ids.push(hit.anilistId);
    bySource.set(hit.source, ids);
  }
  const answers = [...bySource.entries()]
    .sort(([a], [b]) => precedence(a) - precedence(b))
    .map(([source, ids]) => ({ source, ids, all: ids, ranges: new Map<number, EpisodeRange[]>(), starts: new Map<number, number>() }));
  return { answers };
}

export interface Tally {
  leader: SourceAnswer;
  /** Sources other than the leader whose entries include the leader's first entry. */
  agreeing: MappingSourceName[];
  /** Sources naming none of the leader's entries, or naming only entries the leader puts after its first. */
  disagreeing: MappingSourceName[];
}

export function tally(ballot: Ballot): Tally | null {
  const [leader, ...others] = ballot.answers;
  if (!leader) return null;
  const first = leader.ids[0];
  const agreeing: MappingSourceName[] = [];
  const disagreeing: MappingSourceName[] = [];
  for (const other of others) {
    if (first !== undefined && other.ids.includes(first)) agreeing.push(other.source);
    else if (!other.ids.some((id) => leader.all.includes(id))) disagreeing.push(other.source);
  }
  return { leader, agreeing, disagreeing };
}

export interface Rivalry {
  /** The leader's entries that stand, in episode order. */
  kept: number[];
  /** Entries the leader maps onto the same episodes as a better-supported one: alternatives, not cours. */
  dropped: number[];
  /** A dropped entry had as much support as the one kept: the tables cannot tell them apart. */
  tied: boolean;
}

function overlap(answer: SourceAnswer, a: number, b: number): boolean {
  const ranges = answer.ranges.get(a) ?? [];
  return (answer.ranges.get(b) ?? []).some((other) => ranges.some((range) => rangesIntersect(range, other)));
}

/**
 * Two entries a source maps onto the same episodes of one season are rivals (a TV series and its
 * compilation, a remake, a mistaken row), unlike cours, which follow one another. The better-supported one
 * (more sources name it, or the other numbering does) stays; equal support is a tie the caller weighs.
 */
export function settleRivals(leader: SourceAnswer, support: (anilistId: number) => number): Rivalry {
  const byStrength = [...leader.ids].sort((a, b) => support(b) - support(a) || (leader.starts.get(a) ?? 0) - (leader.starts.get(b) ?? 0) || a - b);
  const kept: number[] = [];
  const dropped: number[] = [];
  let tied = false;
  for (const id of byStrength) {
    const rival = kept.find((other) => overlap(leader, id, other));
    if (rival === undefined) kept.push(id);
    else {
      dropped.push(id);
      if (support(rival) === support(id)) tied = true;
    }
  }
  kept.sort((a, b) => (leader.starts.get(a) ?? 0) - (leader.starts.get(b) ?? 0) || a - b);
  return { kept, dropped, tied };
}

/**
 * anibridge v3 is a table of edits: it may map only a season's later cours and leave the start to the
 * tables below it. When the leader's first entry starts after episode 1, entries the other sources start
 * earlier (and the leader does not name) fill the gap, earliest and best-supported first.
 */
export function leadingGap(leader: SourceAnswer, kept: readonly number[], others: readonly SourceAnswer[], support: (anilistId: number) => number): number[] {
  const firstStart = leader.starts.get(kept[0] ?? -1);
  if (firstStart === undefined || firstStart <= 1) return [];
  const fill = new Map<number, number>();
  for (const other of others) {
    for (const id of other.ids) {
      const start = other.starts.get(id);
      if (start === undefined || start >= firstStart || leader.ids.includes(id)) continue;
      fill.set(id, Math.min(start, fill.get(id) ?? start));
    }
  }
  const ordered = [...fill.keys()].sort((a, b) => (fill.get(a) ?? 0) - (fill.get(b) ?? 0) || support(b) - support(a) || a - b);
  // One entry per start: two sources naming different entries for the same opening episodes are rivals.
  const starts = new Set<number>();
  return ordered.filter((id) => {
    const start = fill.get(id) ?? 0;
    if (starts.has(start)) return false;
    starts.add(start);
    return true;
  });
}
