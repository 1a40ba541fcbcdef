import { useId } from 'react';
import type { ConflictRule, Direction, PairId, PairSettings, Settings } from '../../../shared/contract';
import type { FieldStatus } from '../../state/settings-store';
import { fieldLabels } from '../history/format';
import { directionLabels, pairFields, pairIsOn, pairLabel, pairOrder, pairServices, pairTurnedOn } from './pair-labels';
import { SaveStatus } from './SaveStatus';

type Pairs = Settings['sync']['pairs'];

interface Props {
  pairs: Pairs;
  status: FieldStatus | undefined;
  onChange(pairs: Pairs): void;
}

function PairCard({ pair, settings, onChange }: { pair: PairId; settings: PairSettings | undefined; onChange(next: PairSettings | undefined): void }) {
  const id = useId();
  const on = pairIsOn(settings);
  const [a, b] = pairServices(pair);
  const conflictLabels: Record<ConflictRule, string> = { newest: 'Newer change wins', 'prefer-a': `${a} wins`, 'prefer-b': `${b} wins`, ask: 'Ask me' };
  return (
    <li className="pair">
      <div className="pair__header">
        <label className="pair__title" htmlFor={`${id}-on`}>
          {pairLabel(pair)}
        </label>
        <input id={`${id}-on`} type="checkbox" className="switch" checked={on} onChange={(event) => onChange(event.currentTarget.checked ? pairTurnedOn(pair) : undefined)} />
      </div>
      {on && settings && (
        <>
          <table className="pair__fields">
            <caption className="visually-hidden">Fields synced between {pairLabel(pair)}</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Direction</th>
                <th scope="col">When both changed</th>
              </tr>
            </thead>
            <tbody>
              {pairFields[pair].map((field) => (
                <tr key={field}>
                  <th scope="row">{fieldLabels[field]}</th>
                  <td>
                    <select
                      className="text-input"
                      aria-label={`${fieldLabels[field]} direction, ${pairLabel(pair)}`}
                      value={settings.fields[field] ?? 'off'}
                      onChange={(event) => onChange({ ...settings, fields: { ...settings.fields, [field]: event.target.value as Direction } })}
                    >
                      {Object.entries(directionLabels(pair)).map(([value, label]) => (
                        <option key={value} value={value}>
                          {label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select
                      className="text-input"
                      aria-label={`${fieldLabels[field]} conflicts, ${pairLabel(pair)}`}
                      value={settings.conflicts[field] ?? 'newest'}
                      disabled={(settings.fields[field] ?? 'off') !== 'both'}
                      onChange={(event) => onChange({ ...settings, conflicts: { ...settings.conflicts, [field]: event.target.value as ConflictRule } })}
                    >
                      {Object.entries(conflictLabels).map(([value, label]) => (
                        <option key={value} value={value}>
                          {label}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <label className="pair__option">
            <input type="checkbox" checked={settings.createMissing} onChange={(event) => onChange({ ...settings, createMissing: event.currentTarget.checked })} /> Add titles that are on only one side to the other
          </label>
          <label className="pair__option">
            <input type="checkbox" checked={settings.propagateRemovals} onChange={(event) => onChange({ ...settings, propagateRemovals: event.currentTarget.checked })} /> Remove a title from one side when it is removed from the other (always asks first)
          </label>
        </>
      )}
    </li>
  );
}

/** Which services sync with which, field by field, each way or both, and who wins when both changed. */
export function PairsSection({ pairs, status, onChange }: Props) {
  return (
    <div className="pairs">
      <div className="pairs__status">
        <SaveStatus status={status} />
      </div>
      <ul className="pair-list">
        {pairOrder.map((pair) => (
          <PairCard
            key={pair}
            pair={pair}
            settings={pairs[pair]}
            onChange={(next) => {
              const updated = { ...pairs };
              if (next) updated[pair] = next;
              else delete updated[pair];
              onChange(updated);
            }}
          />
        ))}
      </ul>
    </div>
  );
}
