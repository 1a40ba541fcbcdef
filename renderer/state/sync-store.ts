import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Client, ListBackupView, RunResult, RunView, SyncPlan, SyncProgressEvent, SyncStatus } from '../../shared/contract';
import type { JournalRowView } from '../../shared/contract/sync';
import { errorMessage } from './error-message';

/** What the person is waiting for: nothing, a preview being read, or writes going out. */
export type SyncActivity = 'idle' | 'previewing' | 'running' | 'undoing' | 'restoring';

export interface SyncState {
  status: SyncStatus | null;
  activity: SyncActivity;
  progress: SyncProgressEvent | null;
  /** The preview on screen, and which of its writes are ticked (all, when it arrives). */
  plan: SyncPlan | null;
  approved: ReadonlySet<string>;
  /** Conflicts answered in this preview: conflict id → the account whose value wins. */
  answers: Readonly<Record<string, string>>;
  /** The last run, undo or restore, told on screen until the next one. */
  lastResult: RunResult | null;
  /** An operation a guard stopped, kept so the confirmation can repeat it with `confirm`. */
  awaitingConfirmation: { kind: 'run' | 'undo' | 'restore'; result: RunResult; repeat(): Promise<void> } | null;
  error: string | null;
  runs: RunView[];
  runsTotal: number;
  journal: Readonly<Record<string, JournalRowView[]>>;
  backups: ListBackupView[];

  loadStatus(): Promise<void>;
  preview(): Promise<void>;
  toggle(writeId: string): void;
  approveAll(approved: boolean): void;
  discardPreview(): void;
  answerConflict(conflictId: string, accountId: string): Promise<void>;
  /** Runs the preview's ticked writes, or plans and runs at once when there is no preview. */
  run(confirm?: boolean): Promise<void>;
  undo(runId: string, titleKey?: string, confirm?: boolean): Promise<void>;
  restore(backupId: number, confirm?: boolean): Promise<void>;
  cancelConfirmation(): void;
  loadRuns(): Promise<void>;
  loadJournal(runId: string): Promise<void>;
  loadBackups(): Promise<void>;
  applyProgress(event: SyncProgressEvent): void;
  applyStatus(status: SyncStatus): void;
}

export type SyncStore = StoreApi<SyncState>;

export interface SyncStoreDeps {
  client: Client;
  notify(message: string, tone: 'success' | 'error'): void;
}

/**
 * Sync from the renderer's side: status, live progress, the preview with its approvals and conflict answers,
 * and history (runs, their journal, undo, list backups). Guards that stop an operation leave it waiting for
 * the person's answer here, so the question can be asked in a dialog and the same call repeated confirmed.
 */
export function createSyncStore({ client, notify }: SyncStoreDeps): SyncStore {
  return createStore<SyncState>()((set, get) => {
    /** Runs one operation that answers a RunResult, handling guards, errors and the refresh afterwards. */
    async function operate(activity: SyncActivity, kind: 'run' | 'undo' | 'restore', call: (confirm: boolean) => Promise<RunResult>, confirm: boolean): Promise<void> {
      set({ activity, error: null, progress: null, awaitingConfirmation: null });
      try {
        const result = await call(confirm);
        if (result.status === 'needs-confirmation') {
          set({ awaitingConfirmation: { kind, result, repeat: () => operate(activity, kind, call, true) } });
          return;
        }
        set({ lastResult: result, ...(kind === 'run' ? { plan: null, approved: new Set<string>(), answers: {} } : {}) });
        notify(result.message, result.status === 'failed' ? 'error' : 'success');
        void get().loadRuns();
        // A run's first write to a list keeps a copy of it: the restore list grows with runs.
        void get().loadBackups();
      } catch (error) {
        const message = errorMessage(error);
        set({ error: message });
        notify(message, 'error');
      } finally {
        set({ activity: 'idle' });
        void get().loadStatus();
      }
    }

    return {
      status: null,
      activity: 'idle',
      progress: null,
      plan: null,
      approved: new Set<string>(),
      answers: {},
      lastResult: null,
      awaitingConfirmation: null,
      error: null,
      runs: [],
      runsTotal: 0,
      journal: {},
      backups: [],

      async loadStatus() {
        try {
          set({ status: await client.call('sync.status') });
        } catch (error) {
          set({ error: errorMessage(error) });
        }
      },

      async preview() {
        set({ activity: 'previewing', error: null, progress: null, lastResult: null });
        try {
          const plan = await client.call('sync.plan');
          set({ plan, approved: new Set(plan.writes.map((write) => write.id)), answers: {} });
        } catch (error) {
          const message = errorMessage(error);
          set({ error: message });
          notify(message, 'error');
        } finally {
          set({ activity: 'idle' });
        }
      },

      toggle(writeId) {
        const approved = new Set(get().approved);
        if (approved.has(writeId)) approved.delete(writeId);
        else approved.add(writeId);
        set({ approved });
      },

      approveAll(approved) {
        set({ approved: new Set(approved ? (get().plan?.writes.map((write) => write.id) ?? []) : []) });
      },

      discardPreview() {
        set({ plan: null, approved: new Set<string>(), answers: {} });
      },

      async answerConflict(conflictId, accountId) {
        try {
          await client.call('sync.resolveConflict', { conflictId, accountId });
          set({ answers: { ...get().answers, [conflictId]: accountId } });
        } catch (error) {
          notify(errorMessage(error), 'error');
        }
      },

      run(confirm = false) {
        const { plan, approved } = get();
        return operate('running', 'run', (confirmed) => client.call('sync.run', plan ? { planId: plan.id, approve: [...approved], confirm: confirmed } : { confirm: confirmed }), confirm);
      },

      undo(runId, titleKey, confirm = false) {
        return operate('undoing', 'undo', (confirmed) => client.call('sync.undo', { runId, ...(titleKey ? { titleKey } : {}), confirm: confirmed }), confirm);
      },

      restore(backupId, confirm = false) {
        return operate('restoring', 'restore', (confirmed) => client.call('sync.restore', { backupId, confirm: confirmed }), confirm);
      },

      cancelConfirmation() {
        set({ awaitingConfirmation: null });
      },

      async loadRuns() {
        try {
          const { runs, total } = await client.call('sync.runs', { limit: 50, offset: 0 });
          set({ runs, runsTotal: total });
        } catch (error) {
          set({ error: errorMessage(error) });
        }
      },

      async loadJournal(runId) {
        try {
          const rows = await client.call('sync.journal', { runId });
          set({ journal: { ...get().journal, [runId]: rows } });
        } catch (error) {
          notify(errorMessage(error), 'error');
        }
      },

      async loadBackups() {
        try {
          set({ backups: await client.call('sync.backups', {}) });
        } catch (error) {
          set({ error: errorMessage(error) });
        }
      },

      applyProgress(event) {
        set({ progress: event.phase === 'finished' ? null : event });
      },

      applyStatus(status) {
        set({ status });
      },
    };
  });
}
