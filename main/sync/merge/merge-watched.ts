import type { FieldChange, SideRef } from '../model';
import { sameSet, sortKeys } from './field-values';
import { reachable } from './flows';
import type { FieldContext } from './merge-field';
import { serviceName } from './wording';

/**
 * Watched episodes (Trakt history ⇄ Plex) as sets: what any side added since the last sync is added
 * everywhere it may flow, so plays never conflict and an episode is never sent twice (a play already there is
 * not a change). What a side unmarked is unmarked only on services the person allowed (`unwatch`): losing
 * history is worse than keeping an extra mark. Between sides that never synced, everything is an addition.
 */
export function mergeWatched(context: FieldContext): Map<number, FieldChange> {
  const { input, options } = context;
  const changes = new Map<number, FieldChange>();
  const sets = input.sides.map((side, index) => {
    if (side.current === null || context.removing.has(index) || !side.carries.includes('watched')) return null;
    const value = side.current.watched ?? side.base?.watched;
    return value === undefined ? null : { now: new Set(value), base: side.base?.watched === undefined ? null : new Set(side.base.watched) };
  });

  input.sides.forEach((target, index) => {
    if (!context.open(index) || !target.carries.includes('watched')) return;
    const own = sets[index] ?? null;
    const creating = context.creating.has(index);
    if (!own && !creating) return;
    const next = new Set(own?.now ?? []);
    const added = new Set<string>();
    const removed = new Set<string>();
    let from: SideRef | null = null;
    let mostAdded = 0;
    for (const [sourceIndex, source] of sets.entries()) {
      if (!source || sourceIndex === index) continue;
      if (!reachable(input.sides, options.pairs, 'watched', sourceIndex, context.open).has(index)) continue;
      // Additions are counted from the last sync only where both sides took part in it.
      const since = source.base && own?.base ? source.base : null;
      const fresh = [...source.now].filter((key) => !since?.has(key) && !next.has(key));
      for (const key of source.now) if (!since?.has(key)) added.add(key);
      if (since) for (const key of since) if (!source.now.has(key)) removed.add(key);
      for (const key of fresh) next.add(key);
      if (fresh.length > mostAdded || from === null) [from, mostAdded] = [input.sides[sourceIndex]?.side ?? null, Math.max(mostAdded, fresh.length)];
    }
    if (options.unwatch.includes(target.side.service)) {
      for (const key of removed) if (!added.has(key)) next.delete(key);
    }
    if (!from || (own && sameSet([...next], [...own.now])) || (!own && next.size === 0)) return;
    const before = own ? sortKeys(own.now) : null;
    const gained = [...next].filter((key) => !own?.now.has(key)).length;
    const lost = own ? [...own.now].filter((key) => !next.has(key)).length : 0;
    const words = [gained > 0 ? `${gained} watched` : '', lost > 0 ? `${lost} unwatched` : ''].filter(Boolean).join(', ');
    changes.set(index, { field: 'watched', before, after: sortKeys(next), from, reason: `${words} on ${serviceName(from.service)}` });
  });
  return changes;
}
