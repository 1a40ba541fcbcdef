import { useId, useState } from 'react';
import { useStore } from 'zustand';
import { bulkAcceptable } from '../../state/review-store';
import { useStores } from '../../state/stores-context';

/** Accept every first candidate at or above a chosen confidence, with a count before and progress during. */
export function BulkAccept() {
  const { review } = useStores();
  const items = useStore(review, (state) => state.items);
  const bulk = useStore(review, (state) => state.bulk);
  const [percent, setPercent] = useState(90);
  const id = useId();
  const count = bulkAcceptable(items, percent / 100).length;
  return (
    <div className="bulk-accept">
      <label htmlFor={id} className="field__label">
        Accept every first candidate at least
      </label>
      <input id={id} className="text-input text-input--number" type="number" min={50} max={100} step={5} value={percent} onChange={(event) => setPercent(Math.min(100, Math.max(0, Number(event.target.value) || 0)))} />
      <span aria-hidden="true">%</span>
      <span className="visually-hidden">percent sure</span>
      <button type="button" className="button" disabled={count === 0 || bulk !== null} onClick={() => void review.getState().acceptAbove(percent / 100)}>
        {bulk ? `Accepting ${bulk.done} of ${bulk.total}…` : `Accept ${count}`}
      </button>
    </div>
  );
}
