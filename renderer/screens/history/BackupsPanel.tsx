import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { ListBackupView } from '../../../shared/contract/sync';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useStores } from '../../state/stores-context';
import { formatWhen, listLabel } from './format';

/** The copies of whole lists taken before a run's first write to them, each restorable. */
export function BackupsPanel() {
  const { sync } = useStores();
  const backups = useStore(sync, (state) => state.backups);
  const busy = useStore(sync, (state) => state.activity !== 'idle');
  const [asking, setAsking] = useState<ListBackupView | null>(null);

  useEffect(() => {
    void sync.getState().loadBackups();
  }, [sync]);

  return (
    <section className="card" aria-labelledby="backups-title">
      <h2 id="backups-title" className="card__title">
        List backups
      </h2>
      {backups.length === 0 ? (
        <p className="muted">Before a run first writes to a list, Kizuna keeps a copy of the whole list here.</p>
      ) : (
        <ul className="backup-list">
          {backups.map((backup) => (
            <li key={backup.id} className="backup-list__item">
              <span className="backup-list__name">{listLabel(backup.side)}</span>
              <span className="muted">
                {formatWhen(backup.takenAt)} · {backup.entries} entries
              </span>
              <button type="button" className="button button--small" disabled={busy} aria-label={`Restore ${listLabel(backup.side)} as of ${formatWhen(backup.takenAt)}`} onClick={() => setAsking(backup)}>
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
      {asking && (
        <ConfirmDialog
          title={`Restore ${listLabel(asking.side)}?`}
          confirmLabel="Restore"
          cancelLabel="Keep as is"
          onDismiss={() => setAsking(null)}
          onConfirm={() => {
            const backup = asking;
            setAsking(null);
            void sync.getState().restore(backup.id);
          }}
        >
          <p>
            The list is put back exactly as it was on {formatWhen(asking.takenAt)} ({asking.entries} entries): entries added since are removed, changed ones are set back.
          </p>
          <p className="muted">Kizuna asks again before removing anything.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
