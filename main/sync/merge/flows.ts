import type { ConflictRule, PairConfig, SyncField, SyncService, TitleSide } from '../model';

/**
 * Which way a field may flow between two sides: only through the pair whose services they are, as its
 * direction for that field says. No pair, or 'off', is no flow; two accounts of one service never sync with
 * each other (no pair joins a service to itself).
 */

export function pairOf(pairs: readonly PairConfig[], x: SyncService, y: SyncService): PairConfig | undefined {
  if (x === y) return undefined;
  return pairs.find((pair) => (pair.a === x && pair.b === y) || (pair.a === y && pair.b === x));
}

/** May `field` flow from a side of service `from` into one of service `to`? */
export function flows(pairs: readonly PairConfig[], field: SyncField, from: SyncService, to: SyncService): boolean {
  const pair = pairOf(pairs, from, to);
  if (!pair) return false;
  const direction = pair.fields[field] ?? 'off';
  if (direction === 'both') return true;
  if (direction === 'a-to-b') return pair.a === from;
  if (direction === 'b-to-a') return pair.b === from;
  return false;
}

/** May anything at all flow from `from` into `to` (what creates and removals ask of a pair)? */
export function anyFlow(pairs: readonly PairConfig[], from: SyncService, to: SyncService): boolean {
  const pair = pairOf(pairs, from, to);
  if (!pair) return false;
  return Object.keys(pair.fields).some((field) => flows(pairs, field as SyncField, from, to));
}

/**
 * The sides a value of `field` reaches from `source`, directly or through sides that carry the field (a
 * change on AniList reaches Plex through MyAnimeList when only AniList ⇄ MAL and MAL ⇄ Plex are on), so one
 * run settles every list instead of needing one run per hop. `open`: sides that may take a write now.
 */
export function reachable(sides: readonly TitleSide[], pairs: readonly PairConfig[], field: SyncField, source: number, open: (index: number) => boolean): Set<number> {
  const seen = new Set<number>([source]);
  const queue = [source];
  while (queue.length > 0) {
    const from = sides[queue.shift() as number];
    if (!from) continue;
    sides.forEach((to, index) => {
      if (seen.has(index) || !open(index) || !to.carries.includes(field)) return;
      if (!flows(pairs, field, from.side.service, to.side.service)) return;
      seen.add(index);
      queue.push(index);
    });
  }
  seen.delete(source);
  return seen;
}

/** The rule each pair joining these services gives for `field` ('newest' unless the person chose). */
export function rulesBetween(pairs: readonly PairConfig[], field: SyncField, services: readonly SyncService[]): { pair: PairConfig; rule: ConflictRule }[] {
  const found: { pair: PairConfig; rule: ConflictRule }[] = [];
  for (const pair of pairs) {
    if (!services.includes(pair.a) || !services.includes(pair.b)) continue;
    if ((pair.fields[field] ?? 'off') === 'off') continue;
    found.push({ pair, rule: pair.conflicts[field] ?? 'newest' });
  }
  return found;
}
