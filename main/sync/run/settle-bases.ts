import type Database from 'better-sqlite3';
import type { SyncPlan } from '../model';
import { loadBases, loadSideEntries, saveBase } from '../store/index';

/**
 * After a run, every title the plan looked at is "in step as of now" on each list, except titles left with
 * a conflict or a failed write: their bases stay where they were, so the next plan sees the same difference
 * again instead of taking today's values as agreed (that would lose the write or hide the conflict).
 * Written titles already got their base from the executor. A title now missing from a list keeps its old
 * base: that is what tells the next plan the person removed it (and must not be re-created there). Lists
 * of a kind one of whose lists could not be read are not settled at all.
 */
export function settleBases(db: Database.Database, runId: string | null, plan: Pick<SyncPlan, 'lists' | 'writes' | 'conflicts'> & Partial<Pick<SyncPlan, 'problems'>>, failedTitles: ReadonlySet<string>): number {
  // A list that could not be read this time never met the others: taking their values as agreed now would
  // hide from the next plan what that list has not yet received (a lost write).
  const unread = new Set((plan.problems ?? []).map((problem) => problem.side.kind));
  const unsettled = new Set<string>([...failedTitles, ...plan.conflicts.map((conflict) => conflict.titleKey)]);
  const written = new Set(plan.writes.map((write) => `${write.side.accountId}|${write.side.kind}|${write.titleKey}`));
  let settled = 0;
  const settle = db.transaction(() => {
    for (const { side } of plan.lists) {
      if (unread.has(side.kind)) continue;
      const bases = loadBases(db, side.accountId, side.kind);
      for (const entry of loadSideEntries(db, side.accountId, side.kind)) {
        if (unsettled.has(entry.titleKey) || written.has(`${side.accountId}|${side.kind}|${entry.titleKey}`)) continue;
        const base = bases.get(entry.titleKey);
        if (base && JSON.stringify(base) === JSON.stringify(entry.state)) continue;
        saveBase(db, side.accountId, side.kind, entry.titleKey, entry.state, runId);
        settled += 1;
      }
    }
  });
  settle();
  return settled;
}
