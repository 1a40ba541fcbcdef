import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../../state/stores-context';
import { formatWhen, runKindLabels, runStatusLabels } from './format';
import { RunDetail } from './RunDetail';

/** Every run, newest first; one opens at a time to show its changes. */
export function RunsPanel() {
  const { sync } = useStores();
  const runs = useStore(sync, (state) => state.runs);
  const total = useStore(sync, (state) => state.runsTotal);
  const [open, setOpen] = useState<string | null>(null);

  useEffect(() => {
    void sync.getState().loadRuns();
  }, [sync]);

  const shown = runs.filter((run) => !run.dryRun);
  return (
    <section className="card" aria-labelledby="runs-title">
      <h2 id="runs-title" className="card__title">
        Runs {total > 0 && <span className="muted">({total})</span>}
      </h2>
      {shown.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">No sync has run yet</p>
          <p className="muted">Preview the changes first, or sync now from the Dashboard.</p>
        </div>
      ) : (
        <ul className="run-list">
          {shown.map((run) => {
            const expanded = open === run.id;
            const panelId = `run-${run.id}`;
            return (
              <li key={run.id} className="run-list__item">
                <button type="button" className="run-row" aria-expanded={expanded} aria-controls={panelId} onClick={() => setOpen(expanded ? null : run.id)}>
                  <span className="run-row__when">{formatWhen(run.startedAt)}</span>
                  <span className="run-row__kind">{runKindLabels[run.kind] ?? run.kind}</span>
                  <span className={`run-status run-status--${run.status}`}>{runStatusLabels[run.status] ?? run.status}</span>
                  <span className="run-row__counts">
                    {run.done} of {run.writes} change{run.writes === 1 ? '' : 's'}
                    {run.failed > 0 && `, ${run.failed} failed`}
                  </span>
                </button>
                {expanded && (
                  <div id={panelId} className="run-list__detail">
                    <RunDetail run={run} />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
