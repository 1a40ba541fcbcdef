import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { JournalRowView, RunView } from '../../../shared/contract/sync';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useStores } from '../../state/stores-context';
import { fieldLabels, formatValue, listLabel, opLabels } from './format';

const stateLabels: Record<JournalRowView['state'], string> = { pending: 'Waiting', sent: 'Sent', done: 'Done', failed: 'Failed', skipped: 'Skipped', conflict: 'Changed since' };

interface TitleRows {
  titleKey: string;
  title: string;
  rows: JournalRowView[];
}

function byTitle(rows: readonly JournalRowView[]): TitleRows[] {
  const titles = new Map<string, TitleRows>();
  for (const row of rows) {
    let entry = titles.get(row.titleKey);
    if (!entry) titles.set(row.titleKey, (entry = { titleKey: row.titleKey, title: row.title, rows: [] }));
    entry.rows.push(row);
  }
  return [...titles.values()].sort((a, b) => a.title.localeCompare(b.title));
}

/** What one run changed, title by title, with undo for the whole run or one title (asked first). */
export function RunDetail({ run }: { run: RunView }) {
  const { sync } = useStores();
  const rows = useStore(sync, (state) => state.journal[run.id]);
  const busy = useStore(sync, (state) => state.activity !== 'idle');
  const [asking, setAsking] = useState<{ titleKey?: string; title: string } | null>(null);
  const undoable = run.kind !== 'undo' && run.done > 0;

  useEffect(() => {
    void sync.getState().loadJournal(run.id);
  }, [sync, run.id, run.done]);

  if (!rows) return <p className="muted">Loading the changes…</p>;
  if (rows.length === 0) return <p className="muted">This run changed nothing.</p>;
  return (
    <div className="run-detail">
      {undoable && (
        <div className="button-row">
          <button type="button" className="button" disabled={busy} onClick={() => setAsking({ title: 'every title of this run' })}>
            Undo this run
          </button>
        </div>
      )}
      <ul className="journal-list" aria-label="Changes in this run">
        {byTitle(rows).map((title) => (
          <li key={title.titleKey} className="journal-title">
            <div className="journal-title__header">
              <span className="journal-title__name">{title.title}</span>
              {undoable && title.rows.some((row) => row.state === 'done') && (
                <button type="button" className="button button--small" disabled={busy} aria-label={`Undo ${title.title}`} onClick={() => setAsking({ titleKey: title.titleKey, title: title.title })}>
                  Undo
                </button>
              )}
            </div>
            <ul className="change-list">
              {title.rows.flatMap((row) =>
                (row.changes.length > 0 ? row.changes : [null]).map((change, index) => (
                  <li key={`${row.writeId}|${change?.field ?? index}`} className="change-list__item">
                    <span className="change-list__field">
                      {listLabel(row.side)} · {change ? fieldLabels[change.field] : opLabels[row.op]}
                    </span>
                    {change && (
                      <>
                        <span className="change-list__before">{formatValue(change.field, change.before)}</span>
                        <span aria-hidden="true" className="change-list__arrow">→</span>
                        <span className="visually-hidden">became</span>
                        <span className="change-list__after">{formatValue(change.field, change.after)}</span>
                      </>
                    )}
                    <span className={`journal-state journal-state--${row.state}`}>{stateLabels[row.state]}</span>
                    {row.error && <span className="change-list__reason">{row.error}</span>}
                  </li>
                )),
              )}
            </ul>
          </li>
        ))}
      </ul>
      {asking && (
        <ConfirmDialog
          title={asking.titleKey ? `Undo ${asking.title}?` : 'Undo this run?'}
          confirmLabel="Undo"
          cancelLabel="Keep"
          onDismiss={() => setAsking(null)}
          onConfirm={() => {
            const target = asking;
            setAsking(null);
            void sync.getState().undo(run.id, target.titleKey);
          }}
        >
          <p>Kizuna puts back the values this run replaced on {asking.titleKey ? 'this title' : 'every title it changed'}, where the service still holds what the run wrote.</p>
          <p className="muted">A title changed since the run is left as it is and reported.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
