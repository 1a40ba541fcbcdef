import { useEffect } from 'react';
import { useStore } from 'zustand';
import { ScreenFrame } from '../components/ScreenFrame';
import { useStores } from '../state/stores-context';
import { BulkAccept } from './matches/BulkAccept';
import { DecisionsPanel } from './matches/DecisionsPanel';
import { ReviewItemCard } from './matches/ReviewItemCard';

export function MatchesScreen() {
  const { review } = useStores();
  const { status, items, total, error } = useStore(review);
  useEffect(() => {
    void review.getState().load();
  }, [review]);
  return (
    <ScreenFrame title="Matches" description="Titles Kizuna could not match with confidence wait here for you: nothing is synced for them until you decide.">
      <div className="review-toolbar">
        <p className="review-toolbar__count" role="status">
          {status === 'loading' ? 'Loading the review queue…' : `${total} title${total === 1 ? '' : 's'} to review`}
        </p>
        {items.length > 0 && <BulkAccept />}
      </div>
      {status === 'failed' && (
        <div className="inline-error">
          <p>Could not read the review queue: {error}</p>
          <button type="button" className="button" onClick={() => void review.getState().load()}>
            Try again
          </button>
        </div>
      )}
      {status === 'ready' && items.length === 0 && (
        <div className="empty-state">
          <p className="empty-state__title">Nothing to review</p>
          <p className="muted">Every title the last sync read is matched, or you have decided about it.</p>
        </div>
      )}
      <div className="review-items">
        {items.map((item) => (
          <ReviewItemCard key={item.id} item={item} />
        ))}
      </div>
      <DecisionsPanel />
    </ScreenFrame>
  );
}
