import { useStore } from 'zustand';
import type { Conflict, PlannedWrite } from '../../../shared/contract/sync';
import { useStores } from '../../state/stores-context';
import { fieldLabels, formatValue, groupByList, listLabel, opLabels } from './format';

function WriteRow({ write, approved, onToggle }: { write: PlannedWrite; approved: boolean; onToggle(): void }) {
  const id = `write-${write.id}`;
  return (
    <li className="write-row">
      <input id={id} type="checkbox" className="write-row__check" checked={approved} onChange={onToggle} />
      <div className="write-row__body">
        <label htmlFor={id} className="write-row__title">
          <span className={`op-badge op-badge--${write.op}`}>{opLabels[write.op]}</span> {write.title}
        </label>
        <ul className="change-list">
          {write.changes.map((change) => (
            <li key={change.field} className="change-list__item">
              <span className="change-list__field">{fieldLabels[change.field]}</span>
              <span className="change-list__before">{formatValue(change.field, change.before)}</span>
              <span aria-hidden="true" className="change-list__arrow">→</span>
              <span className="visually-hidden">becomes</span>
              <span className="change-list__after">{formatValue(change.field, change.after)}</span>
              <span className="change-list__reason muted">{change.reason}</span>
            </li>
          ))}
        </ul>
        {write.guards.length > 0 && <p className="write-row__guard">Asks first: {write.guards.map((guard) => guard.replace('-', ' ')).join(', ')}</p>}
      </div>
    </li>
  );
}

function ConflictRow({ conflict, answer, onChoose }: { conflict: Conflict; answer: string | undefined; onChoose(accountId: string): void }) {
  return (
    <li className="conflict-row">
      <p className="conflict-row__title">
        {conflict.title}: <span className="muted">{fieldLabels[conflict.field]} changed on more than one list</span>
      </p>
      <div className="conflict-row__choices" role="group" aria-label={`Keep which ${fieldLabels[conflict.field].toLowerCase()} for ${conflict.title}`}>
        {conflict.sides.map((side) => (
          <button
            key={side.side.accountId}
            type="button"
            className={`button${answer === side.side.accountId ? ' button--primary' : ''}`}
            aria-pressed={answer === side.side.accountId}
            onClick={() => onChoose(side.side.accountId)}
          >
            Keep {listLabel(side.side)}: {formatValue(conflict.field, side.value)}
          </button>
        ))}
      </div>
      {answer && <p className="muted">Saved: the next preview uses this choice.</p>}
    </li>
  );
}

/**
 * A preview (dry run): every change grouped by the list it goes to, each ticked to send; conflicts with a
 * button per side; lists that could not be read. Sending runs only the ticked writes that still hold.
 */
export function PreviewPanel() {
  const { sync } = useStores();
  const { plan, approved, answers, activity } = useStore(sync);
  if (!plan) return null;
  const groups = groupByList(plan.writes);
  const busy = activity !== 'idle';
  return (
    <section className="card preview" aria-labelledby="preview-title">
      <div className="preview__header">
        <h2 id="preview-title" className="card__title">
          Preview: {plan.writes.length === 0 ? 'nothing to change' : `${plan.writes.length} change${plan.writes.length === 1 ? '' : 's'}`}
        </h2>
        <div className="button-row">
          {plan.writes.length > 0 && (
            <>
              <button type="button" className="button" onClick={() => sync.getState().approveAll(approved.size < plan.writes.length)}>
                {approved.size < plan.writes.length ? 'Tick all' : 'Untick all'}
              </button>
              <button type="button" className="button button--primary" disabled={busy || approved.size === 0} onClick={() => void sync.getState().run()}>
                Send {approved.size} change{approved.size === 1 ? '' : 's'}
              </button>
            </>
          )}
          <button type="button" className="button" disabled={busy} onClick={() => sync.getState().discardPreview()}>
            Close preview
          </button>
        </div>
      </div>
      {plan.problems.length > 0 && (
        <div className="callout callout--warning">
          <ul>
            {plan.problems.map((problem) => (
              <li key={`${problem.side.accountId}|${problem.side.kind}`}>
                {listLabel(problem.side)} could not be read and is left out: {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {plan.guard.reasons.length > 0 && (
        <div className="callout callout--warning">
          <p>Sending will ask first:</p>
          <ul>
            {plan.guard.reasons.map((reason) => (
              <li key={`${reason.accountId}|${reason.kind}|${reason.reason}`}>{reason.message}</li>
            ))}
          </ul>
        </div>
      )}
      {plan.conflicts.length > 0 && (
        <section aria-labelledby="conflicts-title" className="preview__section">
          <h3 id="conflicts-title" className="preview__list-title">
            Conflicts ({plan.conflicts.length})
          </h3>
          <ul className="conflict-list">
            {plan.conflicts.map((conflict) => (
              <ConflictRow key={conflict.id} conflict={conflict} answer={answers[conflict.id]} onChoose={(accountId) => void sync.getState().answerConflict(conflict.id, accountId)} />
            ))}
          </ul>
        </section>
      )}
      {groups.map((group) => (
        <section key={group.key} aria-label={`Changes to ${group.label}`} className="preview__section">
          <h3 className="preview__list-title">
            {group.label} <span className="muted">({group.writes.length})</span>
          </h3>
          <ul className="write-list">
            {group.writes.map((write) => (
              <WriteRow key={write.id} write={write} approved={approved.has(write.id)} onToggle={() => sync.getState().toggle(write.id)} />
            ))}
          </ul>
        </section>
      ))}
      {plan.skipped.length > 0 && (
        <details className="preview__skipped">
          <summary>{plan.skipped.length} titles left out, and why</summary>
          <ul>
            {plan.skipped.map((skip) => (
              <li key={`${skip.side.accountId}|${skip.titleKey}`}>
                {skip.title} ({listLabel(skip.side)}): {skip.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
