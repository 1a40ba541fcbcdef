import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../../state/stores-context';

const kindLabels = { link: 'Linked', unlink: 'Unlinked', ignore: 'Never synced' } as const;

/** Your decisions (overrides): they beat every mapping table; forgetting one sends the item back to matching. */
export function DecisionsPanel() {
  const { review } = useStores();
  const decisions = useStore(review, (state) => state.decisions);
  useEffect(() => {
    void review.getState().loadDecisions();
  }, [review]);
  return (
    <section className="card" aria-labelledby="decisions-title">
      <h2 id="decisions-title" className="card__title">
        Your decisions {decisions.length > 0 && <span className="muted">({decisions.length})</span>}
      </h2>
      {decisions.length === 0 ? (
        <p className="muted">Links you choose here beat every mapping table and survive every sync.</p>
      ) : (
        <ul className="decision-list">
          {decisions.map((decision) => (
            <li key={decision.id} className="decision-list__item">
              <span className="decision-list__label">{decision.label}</span>
              <span className="muted">
                {kindLabels[decision.kind]}
                {decision.anilistId !== null ? ` → AniList ${decision.anilistId}` : ''}
                {decision.episodes ? `, episodes ${decision.episodes.start}–${decision.episodes.end ?? 'end'}` : ''}
              </span>
              <button type="button" className="button button--small" aria-label={`Forget the decision for ${decision.label}`} onClick={() => void review.getState().forgetDecision(decision.id)}>
                Forget
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
