import type { FieldValue, PlannedWrite, SideRef, SyncField } from '../../../shared/contract/sync';
import { serviceLabels } from '../../state/service-labels';

/** Field names as a person reads them in a preview or a run's changes. */
export const fieldLabels: Record<SyncField, string> = {
  status: 'Status',
  progress: 'Progress',
  progressVolumes: 'Volumes',
  score: 'Score',
  startedAt: 'Started',
  completedAt: 'Finished',
  repeat: 'Rewatches',
  notes: 'Notes',
  private: 'Private',
  watched: 'Watched',
  watchlisted: 'On watchlist',
};

const kindLabels: Record<SideRef['kind'], string> = { anime: 'anime', manga: 'manga', video: 'shows and films' };

/** "AniList anime", "Trakt shows and films". */
export function listLabel(side: Pick<SideRef, 'service' | 'kind'>): string {
  return `${serviceLabels[side.service]} ${kindLabels[side.kind]}`;
}

/**
 * A value as text. Scores are shown on 0-100 (what the plan carries); watched sets by their size, since a
 * list of episode keys says little at a glance; empty is a dash, never "null".
 */
export function formatValue(field: SyncField, value: FieldValue): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 1 && value[0] === 'movie' ? 'watched' : `${value.length} episode${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (field === 'score' && typeof value === 'number') return `${value}/100`;
  if (field === 'status' && typeof value === 'string') return value.charAt(0).toUpperCase() + value.slice(1);
  return String(value);
}

export const opLabels: Record<PlannedWrite['op'], string> = { create: 'Add', update: 'Change', remove: 'Remove' };

export interface ListGroup {
  key: string;
  label: string;
  writes: PlannedWrite[];
}

/** Writes grouped by the list they go to, lists in service order, titles alphabetical within each. */
export function groupByList(writes: readonly PlannedWrite[]): ListGroup[] {
  const groups = new Map<string, ListGroup>();
  for (const write of writes) {
    const key = `${write.side.accountId}|${write.side.kind}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, label: listLabel(write.side), writes: [] }));
    group.writes.push(write);
  }
  const order = ['anilist', 'mal', 'trakt', 'plex'];
  return [...groups.values()]
    .map((group) => ({ ...group, writes: [...group.writes].sort((a, b) => a.title.localeCompare(b.title)) }))
    .sort((a, b) => order.indexOf(a.writes[0]?.side.service ?? '') - order.indexOf(b.writes[0]?.side.service ?? '') || a.label.localeCompare(b.label));
}

/** "3 minutes ago"-free, stable wording: the date and time in the person's locale. */
export function formatWhen(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export const runKindLabels: Record<string, string> = { sync: 'Sync', undo: 'Undo', restore: 'Restore', outbox: 'Queued edits' };

export const runStatusLabels: Record<string, string> = {
  planned: 'Planned',
  running: 'Running',
  done: 'Done',
  partial: 'Partly done',
  failed: 'Failed',
  interrupted: 'Interrupted',
  cancelled: 'Cancelled',
};
