import type { EntryPatch, ListEntry, MediaKind, ScoreScale, TitleIds } from '../../providers/model/list-entry';
import { nativeOf } from '../merge/index';
import { AppError } from '../../../shared/contract';
import type { PlannedWrite, SideState, SyncField, WriteError } from '../model';

/**
 * AniList and MAL entries in the engine's terms, and back. Fields the read did not carry stay undefined (MAL
 * lists never include notes; MAL has no private flag), so the merge can tell "not known" from "empty".
 */
export function stateOfEntry(entry: ListEntry): SideState {
  const state: SideState = {
    status: entry.status,
    progress: entry.progress,
    score: entry.score ? entry.score.value100 : null,
    startedAt: entry.startedAt,
    completedAt: entry.completedAt,
    repeat: entry.repeat,
    updatedAt: entry.updatedAt,
  };
  if (entry.kind === 'manga') state.progressVolumes = entry.progressVolumes;
  if (entry.notes !== undefined) state.notes = entry.notes;
  if (entry.private !== undefined) state.private = entry.private;
  return state;
}

/** A planned write's new values as the clients' patch; a cleared score is 0, which both services read as "none". */
export function patchOfWrite(write: PlannedWrite): EntryPatch {
  const patch: EntryPatch = {};
  for (const change of write.changes) assign(patch, change.field, change.after);
  return patch;
}

function assign(patch: EntryPatch, field: SyncField, value: unknown): void {
  switch (field) {
    case 'status':
      if (typeof value === 'string') patch.status = value as EntryPatch['status'];
      return;
    case 'progress':
      if (typeof value === 'number') patch.progress = value;
      return;
    case 'progressVolumes':
      if (typeof value === 'number') patch.progressVolumes = value;
      return;
    case 'score':
      patch.score100 = typeof value === 'number' ? value : 0;
      return;
    case 'startedAt':
      if (typeof value === 'string' || value === null) patch.startedAt = value;
      return;
    case 'completedAt':
      if (typeof value === 'string' || value === null) patch.completedAt = value;
      return;
    case 'repeat':
      if (typeof value === 'number') patch.repeat = value;
      return;
    case 'notes':
      if (typeof value === 'string' || value === null) patch.notes = value;
      return;
    case 'private':
      if (typeof value === 'boolean') patch.private = value;
      return;
    default:
      // watched / watchlisted are not list-entry fields: the Plex and Trakt sides handle them.
      return;
  }
}

/** The state a side holds after a write, when the service's answer does not repeat every field. */
export function stateAfter(before: SideState | null, write: PlannedWrite): SideState {
  const state: SideState = { ...(before ?? {}) };
  for (const change of write.changes) (state as Record<string, unknown>)[change.field] = change.after;
  return state;
}

export function writeErrorOf(error: unknown): WriteError {
  if (error instanceof AppError) return { code: error.code, message: error.message, retryable: error.retryable };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error), retryable: false };
}

/** A list entry as the service now holds it after a write: the last read entry with the new state laid over. */
export function entryWithState(kind: MediaKind, previous: ListEntry | undefined, ids: TitleIds, state: SideState, scale: ScoreScale): ListEntry {
  const entry: ListEntry = previous
    ? { ...previous }
    : { kind, entryId: null, ids, status: 'planning', progress: 0, progressVolumes: kind === 'manga' ? 0 : null, score: null, startedAt: null, completedAt: null, repeat: 0, updatedAt: new Date().toISOString() };
  if (state.status !== undefined) entry.status = state.status;
  if (state.progress !== undefined) entry.progress = state.progress;
  if (state.progressVolumes !== undefined && kind === 'manga') entry.progressVolumes = state.progressVolumes;
  if (state.score !== undefined) entry.score = state.score === null || state.score === 0 ? null : { native: nativeOf(state.score, scale) ?? 0, scale, value100: state.score };
  if (state.startedAt !== undefined) entry.startedAt = state.startedAt;
  if (state.completedAt !== undefined) entry.completedAt = state.completedAt;
  if (state.repeat !== undefined) entry.repeat = state.repeat;
  if (state.notes !== undefined) entry.notes = state.notes;
  if (state.private !== undefined) entry.private = state.private;
  if (state.updatedAt) entry.updatedAt = state.updatedAt;
  return entry;
}
