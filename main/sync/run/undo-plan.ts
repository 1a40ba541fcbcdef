import type { Conflict, FieldChange, FieldValue, ListSide, PlannedWrite, SideState, SyncField } from '../model';
import { writeIdOf } from '../model';
import type { JournalRow } from '../store/index';
import { sideKey } from './execute-writes';
import { sameValue } from './journal-values';

export interface UndoPlan {
  writes: PlannedWrite[];
  /** Titles changed again since the run: the person sees both values and decides. */
  conflicts: Conflict[];
}

const reasonOf = (runId: string) => `undoing run ${runId.slice(0, 8)}`;

/**
 * What undoing a run's done writes takes (DESIGN §5.6): each title's before values go back only where the
 * service still holds what the run wrote (as the service answered it). A title someone changed since is a
 * conflict with both values, never overwritten. A create is undone by a removal (the guard asks), a removal
 * by re-creating the entry from its before values.
 */
export async function planUndo(runId: string, rows: readonly JournalRow[], sides: readonly ListSide[], signal?: AbortSignal): Promise<UndoPlan> {
  const plan: UndoPlan = { writes: [], conflicts: [] };
  const bySide = new Map<string, JournalRow[]>();
  for (const row of rows.filter((candidate) => candidate.state === 'done')) bySide.set(sideKey(row.side), [...(bySide.get(sideKey(row.side)) ?? []), row]);

  for (const [key, sideRows] of bySide) {
    const side = sides.find((candidate) => sideKey(candidate.ref) === key);
    const first = sideRows[0];
    if (!first) continue;
    if (!side) {
      for (const row of sideRows) plan.conflicts.push(conflictOf(runId, row, null, 'status', 'That account is no longer connected.'));
      continue;
    }
    const current = await side.readCurrent(sideRows.map((row) => row.titleKey), signal ? { signal } : {});
    for (const row of sideRows) {
      const now = current.get(row.titleKey) ?? null;
      // Undone already (a title undone alone before the whole run): nothing to do, and nothing to ask.
      if (alreadyUndone(row, now)) continue;
      const moved = movedField(row, now);
      if (moved) plan.conflicts.push(conflictOf(runId, row, now, moved, null));
      else plan.writes.push(undoWrite(runId, row, now, side));
    }
  }
  return plan;
}

function alreadyUndone(row: JournalRow, now: SideState | null): boolean {
  if (row.op === 'create') return now === null;
  if (row.op === 'remove') return now !== null && row.before !== null;
  if (now === null || row.before === null) return false;
  const before = row.before;
  return (Object.keys(row.after) as SyncField[]).every((field) => sameValue(now[field], before[field] ?? null));
}

/** The first field the service no longer holds as the run left it; null when everything is as written. */
function movedField(row: JournalRow, now: SideState | null): SyncField | 'entry' | null {
  if (row.op === 'remove') return now === null ? null : 'entry';
  if (now === null) return 'entry';
  for (const field of Object.keys(row.after) as SyncField[]) {
    const written = row.result && field in row.result ? row.result[field] : row.after[field];
    if (!sameValue(now[field], written)) return field;
  }
  return null;
}

function undoWrite(runId: string, row: JournalRow, now: SideState | null, side: ListSide): PlannedWrite {
  const base = { id: writeIdOf(row.side, row.titleKey), side: row.side, titleKey: row.titleKey, title: row.title, target: row.target };
  const change = (field: SyncField, before: FieldValue, after: FieldValue): FieldChange => ({ field, before, after, from: row.side, reason: reasonOf(runId) });
  if (row.op === 'create') return { ...base, op: 'remove', changes: [], guards: ['removes-entry'] };
  if (row.op === 'remove') {
    const before = row.before ?? {};
    const changes = side.carries.filter((field) => before[field] !== undefined && before[field] !== null).map((field) => change(field, undefined, before[field]));
    return { ...base, op: 'create', changes, guards: [] };
  }
  const changes = (Object.keys(row.after) as SyncField[]).map((field) => change(field, now?.[field], row.before?.[field] ?? null));
  const lowers = changes.some((item) => item.field === 'progress' && typeof item.before === 'number' && typeof item.after === 'number' && item.after < item.before);
  return { ...base, op: 'update', changes, guards: lowers ? ['lowers-progress'] : [] };
}

function conflictOf(runId: string, row: JournalRow, now: SideState | null, field: SyncField | 'entry', note: string | null): Conflict {
  const shown: SyncField = field === 'entry' ? 'status' : field;
  return {
    id: `undo|${runId}|${row.writeId}`,
    titleKey: row.titleKey,
    title: note ? `${row.title} (${note})` : row.title,
    field: shown,
    sides: [{ side: row.side, value: now ? now[shown] : null, base: row.before ? row.before[shown] : null, updatedAt: now?.updatedAt ?? null }],
  };
}
