import type { RunResult, SyncProgressEvent, SyncStatus } from '../../../shared/contract';

/**
 * The tray's one-line status, a pure function of what the core last said: progress while a sync runs,
 * "paused", or when it last ran and runs next. `format` turns an ISO time into the person's clock.
 */
export function trayStatusLine(status: SyncStatus | null, progress: SyncProgressEvent | null, format: (iso: string) => string): string {
  if (progress && progress.phase === 'writing' && progress.total > 0) return `Syncing: ${progress.done} of ${progress.total}`;
  if (progress && progress.phase !== 'finished') return progress.phase === 'reading' ? 'Syncing: reading your lists…' : 'Syncing: working out the changes…';
  if (!status) return 'Kizuna';
  if (status.running) return 'Syncing…';
  if (status.paused) return status.lastRunAt ? `Paused · last sync ${format(status.lastRunAt)}` : 'Paused';
  const last = status.lastRunAt ? `Last sync ${format(status.lastRunAt)}` : 'Not synced yet';
  return status.nextRunAt ? `${last} · next ${format(status.nextRunAt)}` : last;
}

/**
 * What a finished run is worth telling outside the window: changes made, a failure, or a guard waiting for
 * an answer. A run that found nothing to do says nothing: a notification every hour would be noise.
 */
export function runNotice(result: RunResult): { title: string; body: string } | null {
  if (result.status === 'needs-confirmation') return { title: 'Kizuna: a sync is waiting for you', body: `${result.guard.reasons.map((reason) => reason.message).join(' ')} Open Kizuna to preview and confirm.` };
  if (result.status === 'failed') return { title: 'Kizuna: sync failed', body: result.message };
  if (result.status === 'partial') return { title: 'Kizuna: sync partly done', body: `${result.written} change${result.written === 1 ? '' : 's'} made, ${result.failed} failed. ${result.queued > 0 ? 'The failed ones are retried when the service answers.' : 'See the History screen.'}` };
  if (result.status === 'done' && result.written > 0) return { title: 'Kizuna synced your lists', body: `${result.written} change${result.written === 1 ? '' : 's'} made. Undo from the History screen.` };
  return null;
}
