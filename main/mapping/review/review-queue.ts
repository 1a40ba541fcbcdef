import type Database from 'better-sqlite3';
import { AppError, type ReviewCandidate, type ReviewDecision, type ReviewItem } from '../../../shared/contract';
import type { Candidate, MatchQuery, MatchResult } from '../model';
import { applyOverrides } from '../overrides/apply-overrides';
import { itemKeysOf } from '../overrides/item-keys';
import { overridesFor, saveOverride } from '../overrides/override-store';
import { countOpenItems, findReviewItem, openReviewItems, setItemStatus, upsertOpenItem, type StoredReviewItem } from './review-repository';

/** What is known to show a candidate: title, year, format, episodes, cover. */
export type Describe = (anilistIds: number[]) => Promise<Map<number, Pick<ReviewCandidate, 'title' | 'year' | 'format' | 'episodeCount' | 'coverUrl'>>>;

export interface ReviewQueueDeps {
  db: Database.Database;
  /** The matcher; absent (no mapping data yet), a re-run keeps the stored candidates and applies only the person's decisions. */
  resolve?: (query: MatchQuery) => MatchResult;
  describe?: Describe;
  /** Told the number of open items whenever it may have changed. */
  changed(open: number): void;
  /** Below this a match is not trusted and goes to review with its candidates. */
  threshold?: number;
}

export const DEFAULT_REVIEW_THRESHOLD = 0.85;

const blank = { title: null, year: null, format: null, episodeCount: null, coverUrl: null };

async function toReviewCandidates(candidates: readonly Candidate[], describe: Describe | undefined): Promise<ReviewCandidate[]> {
  const top = candidates.slice(0, 10);
  const known = describe ? await describe(top.map((candidate) => candidate.anilistId)).catch(() => new Map()) : new Map();
  return top.map((candidate) => ({ ...blank, ...known.get(candidate.anilistId), anilistId: candidate.anilistId, confidence: candidate.confidence, evidence: candidate.evidence, episodes: candidate.episodes ?? null }));
}

/**
 * The review queue (issue 5 item 5): what the matcher would not decide alone waits here with up to 10 ranked
 * candidates, never guessed. A decision becomes an override, so it survives every later sync, and re-runs
 * the other open items that share one of its keys (the same TVDB season from another library, the same
 * title from Trakt).
 */
export function createReviewQueue(deps: ReviewQueueDeps) {
  const threshold = deps.threshold ?? DEFAULT_REVIEW_THRESHOLD;
  const decisions = (key: string) => overridesFor(deps.db, key);

  async function record(input: { origin: 'plex' | 'trakt'; accountId: string | null; query: MatchQuery; result: MatchResult }): Promise<'matched' | 'queued' | 'ignored'> {
    const itemKey = itemKeysOf(input.query)[0];
    if (!itemKey) throw new AppError('validation', 'An item needs a title or an id to be matched.');
    const result = applyOverrides(input.query, input.result, decisions);
    if (result.status === 'ignored') {
      setItemStatus(deps.db, itemKey, 'ignored');
      return 'ignored';
    }
    if (result.status === 'matched' && result.confidence >= threshold) {
      setItemStatus(deps.db, itemKey, 'resolved');
      return 'matched';
    }
    const candidates = await toReviewCandidates(result.candidates, deps.describe);
    upsertOpenItem(deps.db, { itemKey, origin: input.origin, accountId: input.accountId, query: input.query, candidates, reason: result.status === 'matched' ? 'low-confidence' : 'no-match', confidence: result.confidence });
    return 'queued';
  }

  function storedAsResult(item: StoredReviewItem): MatchResult {
    return { status: 'abstain', anilistIds: [], confidence: item.confidence, candidates: item.candidates.map(({ anilistId, confidence, evidence, episodes }) => ({ anilistId, confidence, evidence, ...(episodes ? { episodes } : {}) })) };
  }

  async function rerunAffected(decided: StoredReviewItem): Promise<number> {
    const keys = new Set(itemKeysOf(decided.query));
    let resolved = 0;
    for (const item of openReviewItems(deps.db)) {
      if (item.id === decided.id || !itemKeysOf(item.query).some((key) => keys.has(key))) continue;
      const base = deps.resolve ? deps.resolve(item.query) : storedAsResult(item);
      const outcome = await record({ origin: item.origin, accountId: item.accountId, query: item.query, result: base });
      if (outcome !== 'queued') resolved += 1;
    }
    return resolved;
  }

  return {
    record: async (input: Parameters<typeof record>[0]) => {
      const outcome = await record(input);
      deps.changed(countOpenItems(deps.db));
      return outcome;
    },

    async decide(itemId: number, decision: ReviewDecision): Promise<{ item: ReviewItem; alsoResolved: number }> {
      const item = findReviewItem(deps.db, itemId);
      if (!item) throw new AppError('not_found', 'That review item no longer exists. Reload the review queue.');
      const label = item.type === 'show' ? `${item.title} season ${item.season ?? 1}` : item.title;
      if (decision.kind === 'ignore') {
        saveOverride(deps.db, { itemKey: item.itemKey, kind: 'ignore', anilistId: null, episodes: null, label });
      } else {
        const chosen = decision.kind === 'accept' ? item.candidates[0] : undefined;
        if (decision.kind === 'accept' && !chosen) throw new AppError('validation', 'There is no candidate to accept for this item: search for the right entry and pick it.');
        const anilistId = decision.kind === 'pick' ? decision.anilistId : (chosen?.anilistId as number);
        const range = decision.kind === 'pick' ? (decision.episodes ?? null) : chosen?.episodes?.length === 1 ? (chosen.episodes[0] ?? null) : null;
        saveOverride(deps.db, { itemKey: item.itemKey, kind: 'link', anilistId, episodes: range, label });
      }
      setItemStatus(deps.db, item.itemKey, decision.kind === 'ignore' ? 'ignored' : 'resolved');
      const alsoResolved = await rerunAffected(item);
      deps.changed(countOpenItems(deps.db));
      const { query: _query, ...updated } = findReviewItem(deps.db, itemId) ?? item;
      return { item: updated, alsoResolved };
    },
  };
}

export type ReviewQueue = ReturnType<typeof createReviewQueue>;
