import { useEffect } from 'react';
import { useStore } from 'zustand';
import { screenHash } from '../../state/router';
import { useStores } from '../../state/stores-context';
import { formatWhen, listLabel, runKindLabels, runStatusLabels } from '../history/format';

/** What Kizuna knows of each list (titles, when read), and the last few runs with what they changed. */
export function ActivityCard() {
  const { sync } = useStores();
  // Select stored values only: a selector that builds a new array each call makes React re-render forever.
  const status = useStore(sync, (state) => state.status);
  const allRuns = useStore(sync, (state) => state.runs);
  const lists = status?.lists ?? [];
  const runs = allRuns.filter((run) => !run.dryRun).slice(0, 5);

  useEffect(() => {
    void sync.getState().loadRuns();
  }, [sync]);

  return (
    <section className="card" aria-labelledby="activity-title">
      <h2 id="activity-title" className="card__title">
        Lists and recent changes
      </h2>
      {lists.length === 0 ? (
        <p className="muted">Your lists appear here after the first sync or preview reads them.</p>
      ) : (
        <table className="lists-table">
          <caption className="visually-hidden">Titles per list</caption>
          <thead>
            <tr>
              <th scope="col">List</th>
              <th scope="col">Titles</th>
              <th scope="col">Read</th>
            </tr>
          </thead>
          <tbody>
            {lists.map((list) => (
              <tr key={`${list.accountId}|${list.kind}`}>
                <th scope="row">{listLabel(list)}</th>
                <td className="lists-table__count">{list.entries}</td>
                <td className="muted">{formatWhen(list.readAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 className="activity__subtitle">Recent runs</h3>
      {runs.length === 0 ? (
        <p className="muted">No sync has run yet.</p>
      ) : (
        <ul className="recent-runs">
          {runs.map((run) => (
            <li key={run.id} className="recent-runs__item">
              <span>{formatWhen(run.startedAt)}</span>
              <span>{runKindLabels[run.kind] ?? run.kind}</span>
              <span className={`run-status run-status--${run.status}`}>{runStatusLabels[run.status] ?? run.status}</span>
              <span className="muted">
                {run.done} change{run.done === 1 ? '' : 's'}
                {run.failed > 0 ? `, ${run.failed} failed` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="card__footer">
        <a href={screenHash('history')}>Open the history</a>
      </p>
    </section>
  );
}
