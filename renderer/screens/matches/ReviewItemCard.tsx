import { useId, useState } from 'react';
import { useStore } from 'zustand';
import type { ReviewCandidate, ReviewItem } from '../../../shared/contract/matching';
import { serviceLabels } from '../../state/service-labels';
import { useStores } from '../../state/stores-context';
import { CandidateCard } from './CandidateCard';
import { RangeEditor } from './RangeEditor';

/** One unmatched item: why it is here, its ranked candidates, a search, and the decisions. */
export function ReviewItemCard({ item }: { item: ReviewItem }) {
  const { review } = useStores();
  const busy = useStore(review, (state) => state.deciding.has(item.id));
  const search = useStore(review, (state) => state.searches[item.id]);
  const [query, setQuery] = useState(item.title);
  const [ranging, setRanging] = useState<ReviewCandidate | null>(null);
  const searchId = useId();
  const name = `${item.title}${item.season !== null ? ` season ${item.season}` : ''}`;
  const decide = (decision: Parameters<ReturnType<typeof review.getState>['decide']>[1]) => void review.getState().decide(item, decision);

  const actions = (candidate: ReviewCandidate, index: number) => (
    <>
      <button type="button" className={`button${index === 0 && !search ? ' button--primary' : ''}`} disabled={busy} aria-label={`Link ${name} to ${candidate.title ?? candidate.anilistId}`} onClick={() => decide({ kind: 'pick', anilistId: candidate.anilistId, episodes: candidate.episodes?.length === 1 ? (candidate.episodes[0] ?? null) : null })}>
        Link
      </button>
      {item.type === 'show' && (
        <button type="button" className="button" disabled={busy} aria-label={`Link some episodes of ${name} to ${candidate.title ?? candidate.anilistId}`} onClick={() => setRanging(candidate)}>
          Some episodes…
        </button>
      )}
    </>
  );

  return (
    <article className="card review-item" aria-label={name}>
      <header className="review-item__header">
        <div>
          <h2 className="card__title review-item__title">{name}</h2>
          <p className="muted">
            {serviceLabels[item.origin]} {item.type === 'movie' ? 'film' : 'show'}
            {item.year !== null ? ` · ${item.year}` : ''} · {item.reason === 'no-match' ? 'nothing matched it with confidence' : `best match only ${Math.round(item.confidence * 100)}% sure`}
          </p>
        </div>
        <button type="button" className="button" disabled={busy} onClick={() => decide({ kind: 'ignore' })} aria-label={`Never sync ${name}`}>
          Never sync
        </button>
      </header>
      {ranging ? (
        <RangeEditor item={item} candidateTitle={ranging.title ?? String(ranging.anilistId)} onCancel={() => setRanging(null)} onSave={(range) => decide({ kind: 'pick', anilistId: ranging.anilistId, episodes: range })} />
      ) : (
        <>
          {item.candidates.length === 0 ? <p className="muted">No candidates: search AniList for the right entry.</p> : (
            <ul className="candidate-list" aria-label={`Candidates for ${name}`}>
              {item.candidates.map((candidate, index) => (
                <CandidateCard key={candidate.anilistId} candidate={candidate}>
                  {actions(candidate, index)}
                </CandidateCard>
              ))}
            </ul>
          )}
          <form
            className="review-search"
            role="search"
            onSubmit={(event) => {
              event.preventDefault();
              void review.getState().search(item.id, query);
            }}
          >
            <label htmlFor={searchId} className="visually-hidden">
              Search AniList for {name}
            </label>
            <input id={searchId} className="text-input" type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
            <button type="submit" className="button" disabled={search?.busy === true}>
              {search?.busy ? 'Searching…' : 'Search AniList'}
            </button>
          </form>
          {search?.error && <p className="field__error">{search.error}</p>}
          {search && search.results.length > 0 && (
            <ul className="candidate-list" aria-label={`AniList results for ${search.query}`}>
              {search.results.map((candidate, index) => (
                <CandidateCard key={candidate.anilistId} candidate={candidate}>
                  {actions(candidate, index + 1)}
                </CandidateCard>
              ))}
            </ul>
          )}
        </>
      )}
    </article>
  );
}
