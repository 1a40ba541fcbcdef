import { useEffect } from 'react';
import { useStore } from 'zustand';
import { SyncProgress } from '../../components/SyncProgress';
import { screenHash } from '../../state/router';
import { useStores } from '../../state/stores-context';
import { formatWhen } from '../history/format';
import { GuardConfirmation } from '../history/GuardConfirmation';

/**
 * Sync at a glance: when it last ran and runs next, what waits in the outbox, and the two ways to start
 * one (at once, or a preview to check first). The result of the last run stays until the next.
 */
export function SyncCard() {
  const { sync, accounts, navigation } = useStores();
  const { status, activity, lastResult, error } = useStore(sync);
  const connected = useStore(accounts, (state) => state.value?.filter((account) => account.status === 'connected').length ?? 0);
  const busy = activity !== 'idle' || status?.running === true;

  useEffect(() => {
    void sync.getState().loadStatus();
  }, [sync]);

  const preview = () => {
    navigation.getState().go('history');
    void sync.getState().preview();
  };

  return (
    <section className="card sync-card" aria-labelledby="sync-card-title">
      <h2 id="sync-card-title" className="card__title">
        Sync
      </h2>
      <dl className="facts">
        <div className="facts__row">
          <dt>Last sync</dt>
          <dd>{status?.lastRunAt ? formatWhen(status.lastRunAt) : 'Not yet'}</dd>
        </div>
        <div className="facts__row">
          <dt>Next sync</dt>
          <dd>{status?.paused ? 'Paused' : status?.nextRunAt ? formatWhen(status.nextRunAt) : 'Not scheduled'}</dd>
        </div>
        <div className="facts__row">
          <dt>Waiting to send</dt>
          <dd>
            {status ? `${status.outbox} change${status.outbox === 1 ? '' : 's'}` : '—'}
            {status?.waitingForNetwork && <span className="status-badge status-badge--warning">Offline: sent when the services answer</span>}
          </dd>
        </div>
      </dl>
      {connected === 0 ? (
        <p className="muted">
          Connect at least two services on the <a href={screenHash('accounts')}>Accounts screen</a> to sync them.
        </p>
      ) : (
        <div className="button-row">
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void sync.getState().run()}>
            Sync now
          </button>
          <button type="button" className="button" disabled={busy} onClick={preview}>
            Preview changes
          </button>
        </div>
      )}
      <SyncProgress />
      {lastResult && activity === 'idle' && (
        <p className={`sync-card__result${lastResult.status === 'failed' ? ' sync-card__result--failed' : ''}`}>
          {lastResult.message} <a href={screenHash('history')}>See the history</a>
        </p>
      )}
      {error && activity === 'idle' && <p className="inline-error">{error}</p>}
      <GuardConfirmation />
    </section>
  );
}
