import type { Candidate, EpisodeRange, MatchQuery, MatchResult } from '../model';
import { itemKeysOf, type ItemKey } from './item-keys';
import type { Override } from './override-store';

/** Reads the decisions about one item key; the store in the app, a Map in tests. */
export type OverridesFor = (itemKey: ItemKey) => Override[];

function describeRange(range: EpisodeRange | null): string {
  if (!range) return 'the whole season';
  return range.end === null ? `episodes ${range.start} onwards` : `episodes ${range.start}–${range.end}`;
}

/**
 * The person's decisions beat every table and title match (DESIGN §6). The most specific key that has
 * decisions decides: "ignore" ends the matter; links replace whatever the resolver found, ordered by
 * episode; unlinks remove those entries from the resolver's answer and, if nothing is left, send the item
 * to review with the rest as candidates.
 */
export function applyOverrides(query: MatchQuery, resolved: MatchResult, overridesFor: OverridesFor): MatchResult {
  for (const key of itemKeysOf(query)) {
    const decisions = overridesFor(key);
    if (decisions.length === 0) continue;
    if (decisions.some((decision) => decision.kind === 'ignore')) {
      return { status: 'ignored', anilistIds: [], confidence: 1, candidates: [] };
    }
    const links = decisions.filter((decision) => decision.kind === 'link' && decision.anilistId !== null);
    if (links.length > 0) {
      const ordered = [...links].sort((a, b) => (a.episodes?.start ?? 0) - (b.episodes?.start ?? 0));
      const candidates: Candidate[] = ordered.map((link) => ({
        anilistId: link.anilistId as number,
        confidence: 1,
        evidence: [{ kind: 'override', detail: `You linked ${link.label || key} (${describeRange(link.episodes)}) to AniList ${link.anilistId}.`, weight: 1 }],
        ...(link.episodes ? { episodes: [link.episodes] } : {}),
      }));
      return { status: 'matched', anilistIds: candidates.map((candidate) => candidate.anilistId), confidence: 1, candidates };
    }
    const unlinked = new Set(decisions.filter((decision) => decision.kind === 'unlink').map((decision) => decision.anilistId));
    const kept = resolved.anilistIds.filter((id) => !unlinked.has(id));
    const candidates = resolved.candidates.filter((candidate) => !unlinked.has(candidate.anilistId));
    if (kept.length === 0) return { status: 'abstain', anilistIds: [], confidence: 0, candidates };
    return { ...resolved, anilistIds: kept, candidates };
  }
  return resolved;
}
