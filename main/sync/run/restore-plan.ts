import type { FieldChange, ListSide, PlannedWrite, SideEntry, SyncField } from '../model';
import { writeIdOf } from '../model';
import { sameValue } from './journal-values';

/**
 * The writes that put a list back as a backup holds it (DESIGN §5.6 "restored whole"): entries missing now
 * are created, entries that differ get the backup's values, and entries added since are removed. Removals and
 * lowered progress carry their guards, so the person confirms before anything goes.
 */
export function planRestore(side: ListSide, backup: readonly SideEntry[], current: readonly SideEntry[], reason: string): PlannedWrite[] {
  const now = new Map(current.map((entry) => [entry.titleKey, entry]));
  const kept = new Set(backup.map((entry) => entry.titleKey));
  const writes: PlannedWrite[] = [];
  const fields = side.carries.filter((field) => field !== 'watched' && field !== 'watchlisted');

  for (const entry of backup) {
    const present = now.get(entry.titleKey);
    const base = { id: writeIdOf(side.ref, entry.titleKey), side: side.ref, titleKey: entry.titleKey, title: entry.title };
    const change = (field: SyncField): FieldChange => ({ field, before: present?.state[field], after: entry.state[field], from: side.ref, reason });
    if (!present) {
      const changes = fields.filter((field) => entry.state[field] !== undefined && entry.state[field] !== null).map(change);
      writes.push({ ...base, op: 'create', changes, target: entry.target, guards: [] });
      continue;
    }
    const changes = fields.filter((field) => entry.state[field] !== undefined && !sameValue(present.state[field], entry.state[field])).map(change);
    if (changes.length === 0) continue;
    const lowers = changes.some((item) => item.field === 'progress' && typeof item.before === 'number' && typeof item.after === 'number' && item.after < item.before);
    writes.push({ ...base, op: 'update', changes, target: present.target, guards: lowers ? ['lowers-progress'] : [] });
  }
  for (const entry of current) {
    if (kept.has(entry.titleKey)) continue;
    writes.push({ id: writeIdOf(side.ref, entry.titleKey), side: side.ref, titleKey: entry.titleKey, title: entry.title, op: 'remove', changes: [], target: entry.target, guards: ['removes-entry'] });
  }
  return writes;
}
