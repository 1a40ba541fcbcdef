import type { GuardReason, GuardVerdict, PlannedWrite, SideKind, SyncService } from '../model';
import { listName, plural } from './wording';

export interface GuardLimits {
  /** Ask when the writes to one list exceed this share of its entries (0-1)… */
  share: number;
  /** …or this many entries. */
  entries: number;
}

/**
 * Below this many writes a list is never stopped for its share: two changes to a list of five entries are
 * 40% of it, but asking about them would teach the person to click through the question.
 */
const smallestLargeShare = 5;

interface ListCount {
  accountId: string;
  service: SyncService;
  kind: SideKind;
  writes: number;
  removes: number;
  lowers: number;
}

/**
 * What in a plan must stop for the person's confirmation (DESIGN §5.4): removing entries, lowering progress,
 * or changing a large part of one list. Counted per list, and told as what would happen to it.
 */
export function evaluateGuards(writes: readonly PlannedWrite[], listSizes: ReadonlyMap<string, number>, limits: GuardLimits): GuardVerdict {
  const lists = new Map<string, ListCount>();
  for (const write of writes) {
    const key = `${write.side.accountId}|${write.side.kind}`;
    const count = lists.get(key) ?? { accountId: write.side.accountId, service: write.side.service, kind: write.side.kind, writes: 0, removes: 0, lowers: 0 };
    count.writes += 1;
    if (write.guards.includes('removes-entry')) count.removes += 1;
    if (write.guards.includes('lowers-progress')) count.lowers += 1;
    lists.set(key, count);
  }

  const reasons: GuardVerdict['reasons'] = [];
  const add = (count: ListCount, reason: GuardReason, number: number, message: string) => reasons.push({ reason, accountId: count.accountId, kind: count.kind, count: number, message });
  for (const [key, count] of lists) {
    const list = listName(count.service, count.kind);
    if (count.removes > 0) add(count, 'removes-entry', count.removes, `${plural(count.removes, 'entry', 'entries')} would be removed from ${list}.`);
    if (count.lowers > 0) add(count, 'lowers-progress', count.lowers, `${plural(count.lowers, 'entry', 'entries')} in ${list} would have progress lowered.`);
    // A list we could not size counts as empty: filling an empty list is as large a change as there is.
    const size = listSizes.get(key) ?? 0;
    const overShare = count.writes >= smallestLargeShare && count.writes > limits.share * size;
    if (count.writes > limits.entries || overShare) {
      const share = size > 0 ? ` (${Math.round((count.writes / size) * 100)}% of its ${size})` : '';
      add(count, 'large-share', count.writes, `${plural(count.writes, 'entry', 'entries')} in ${list} would change${share}.`);
    }
  }
  return { reasons };
}
