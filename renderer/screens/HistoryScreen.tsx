import { useStore } from 'zustand';
import { ScreenFrame } from '../components/ScreenFrame';
import { SyncProgress } from '../components/SyncProgress';
import { useStores } from '../state/stores-context';
import { BackupsPanel } from './history/BackupsPanel';
import { GuardConfirmation } from './history/GuardConfirmation';
import { PreviewPanel } from './history/PreviewPanel';
import { RunsPanel } from './history/RunsPanel';

export function HistoryScreen() {
  const { sync } = useStores();
  const hasPlan = useStore(sync, (state) => state.plan !== null);
  const busy = useStore(sync, (state) => state.activity !== 'idle');
  const lastResult = useStore(sync, (state) => state.lastResult);
  return (
    <ScreenFrame title="History" description="Preview what a sync would change, see what each run did, and undo it.">
      {!hasPlan && (
        <div className="button-row history__actions">
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void sync.getState().preview()}>
            Preview changes
          </button>
        </div>
      )}
      <SyncProgress />
      {lastResult && !busy && (
        <div className={`callout ${lastResult.status === 'failed' ? 'callout--danger' : 'callout--success'}`} role="status">
          <p>{lastResult.message}</p>
          {lastResult.conflicts.length > 0 && (
            <ul>
              {lastResult.conflicts.map((conflict) => (
                <li key={conflict.id}>{conflict.title}: changed since, left as it is.</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <PreviewPanel />
      <RunsPanel />
      <BackupsPanel />
      <GuardConfirmation />
    </ScreenFrame>
  );
}
