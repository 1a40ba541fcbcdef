import type { FieldValue, RunResult, SyncPlan, SyncProgressEvent } from '../../../../shared/contract';

const serviceNames: Record<string, string> = { anilist: 'AniList', mal: 'MyAnimeList', trakt: 'Trakt', plex: 'Plex' };

export function shownValue(value: FieldValue): string {
  if (value === undefined || value === null || value === '') return '—';
  if (Array.isArray(value)) return `${value.length} watched`;
  return String(value);
}

/** The plan as people read it: per list, each title's field changes, then conflicts and what was left out. */
export function planLines(plan: SyncPlan): string[] {
  const lines: string[] = [];
  const lists = new Map<string, SyncPlan['writes']>();
  for (const write of plan.writes) {
    const key = `${serviceNames[write.side.service] ?? write.side.service} ${write.side.kind}`;
    lists.set(key, [...(lists.get(key) ?? []), write]);
  }
  for (const [list, writes] of lists) {
    lines.push(`${list}: ${writes.length} change${writes.length === 1 ? '' : 's'}`);
    for (const write of writes) {
      const op = write.op === 'create' ? 'add ' : write.op === 'remove' ? 'remove ' : '';
      const fields = write.changes.map((change) => `${change.field} ${shownValue(change.before)} → ${shownValue(change.after)}`).join(', ');
      lines.push(`  ${op}${write.title}${fields ? `: ${fields}` : ''}${write.guards.length > 0 ? `  [asks first: ${write.guards.join(', ')}]` : ''}`);
    }
  }
  if (plan.writes.length === 0) lines.push('Everything is in step: nothing to write.');
  for (const conflict of plan.conflicts) {
    lines.push(`conflict: ${conflict.title} ${conflict.field}: ${conflict.sides.map((side) => `${serviceNames[side.side.service] ?? side.side.service} ${shownValue(side.value)}`).join(' vs ')}`);
  }
  for (const problem of plan.problems) lines.push(`not read: ${serviceNames[problem.side.service] ?? problem.side.service} ${problem.side.kind}: ${problem.message}`);
  if (plan.skipped.length > 0) lines.push(`${plan.skipped.length} title${plan.skipped.length === 1 ? '' : 's'} left out (see --json for why).`);
  for (const reason of plan.guard.reasons) lines.push(`asks first: ${reason.message}`);
  return lines;
}

/** `[########------------] 12/40 Frieren` in the width given. */
export function progressBar(event: SyncProgressEvent, width = 24): string {
  if (event.phase === 'reading') return 'Reading your lists…';
  if (event.phase === 'planning') return `Planned ${event.total} change${event.total === 1 ? '' : 's'}.`;
  if (event.phase === 'finished') return '';
  const share = event.total > 0 ? event.done / event.total : 0;
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${event.done}/${event.total}${event.current ? ` ${event.current}` : ''}`;
}

export function resultLines(result: RunResult): string[] {
  const lines = [result.message];
  for (const conflict of result.conflicts) lines.push(`left as it is: ${conflict.title} (${conflict.field} is ${shownValue(conflict.sides[0]?.value)} now)`);
  if (result.runId) lines.push(`run ${result.runId} (undo with: kizuna undo ${result.runId})`);
  return lines;
}
