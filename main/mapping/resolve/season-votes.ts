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
  // Sorted once: a long show's specials season can hold hundreds of rows.
  const starts = [...new Set(hits.map((hit) => mappingStart(hit.mapping)))].sort((a, b) => a - b);
  const ranges = new Map<number, EpisodeRange[]>();
  const firstStart = new Map<number, number>();
  for (const hit of hits) {
    const own = effectiveRanges(hit.mapping, starts);
    const known = ranges.get(hit.anilistId);
    if (known) known.push(...own);
    else ranges.set(hit.anilistId, [...own]);
    const start = mappingStart(hit.mapping);
    firstStart.set(hit.anilistId, Math.min(start, firstStart.get(hit.anilistId) ?? start));
  }
  const all = [...firstStart.keys()].sort((a, b) => (firstStart.get(a) ?? 0) - (firstStart.get(b) ?? 0) || a - b);
  const ids = all.filter((id) => wanted === null || coversAny(ranges.get(id) ?? [], wanted));
  return { source, ids, all, ranges, starts: firstStart };
}

export function seasonBallot(hits: readonly SeasonHit[], wanted: EpisodeRange | null): Ballot {
  const bySource = new Map<MappingSourceName, SeasonHit[]>();
  for (const hit of hits) {
    const own = bySource.get(hit.source);
    if (own) own.push(hit);
    else bySource.set(hit.source, [hit]);
  }
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

/** The leader's entries with the gaps it leaves filled, in episode order, and which ids filled them. */
export interface Filled {
  ids: number[];
  gap: number[];
}

function covers(ranges: readonly EpisodeRange[], episode: number): boolean {
  return ranges.some((range) => episode >= range.start && (range.end === null || episode <= range.end));
}

/**
 * anibridge v3 is a table of edits: it may map a season's first and last cours and leave the middle (or the
 * start) to the tables below it. An entry another source starts at an episode none of the entries so far
 * cover fills that gap; one per start, best-supported first, so two sources' rival rows do not both get in.
 */
export function fillGaps(leader: SourceAnswer, kept: readonly number[], others: readonly SourceAnswer[], support: (anilistId: number) => number): Filled {
  const starts = new Map<number, number>(kept.map((id) => [id, leader.starts.get(id) ?? 1]));
  // Every entry the leader maps into the season counts as covering its episodes, asked about or not.
  const ranges = new Map<number, EpisodeRange[]>(leader.all.map((id) => [id, leader.ranges.get(id) ?? []]));
  const offers = others
    .flatMap((other) => other.ids.map((id) => ({ id, start: other.starts.get(id), ranges: other.ranges.get(id) ?? [] })))
    .filter((offer): offer is { id: number; start: number; ranges: EpisodeRange[] } => offer.start !== undefined && !leader.all.includes(offer.id))
    .sort((a, b) => a.start - b.start || support(b.id) - support(a.id) || a.id - b.id);
  const gap: number[] = [];
  for (const offer of offers) {
    if (starts.has(offer.id) || gap.includes(offer.id) || [...ranges.values()].some((taken) => covers(taken, offer.start))) continue;
    starts.set(offer.id, offer.start);
    ranges.set(offer.id, offer.ranges);
    gap.push(offer.id);
  }
  const ids = [...starts.keys()].sort((a, b) => (starts.get(a) ?? 0) - (starts.get(b) ?? 0) || a - b);
  return { ids, gap };
}
