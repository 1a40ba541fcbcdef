import { useId, useState, type RefObject } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../../state/stores-context';
import { WatchlistRow } from './WatchlistRow';

/** Trakt search with type and year, paged; each result says whether it is already listed. */
export function WatchlistSearch({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const { watchlist } = useStores();
  const { results, searching, searchError, page, pageCount, busy } = useStore(watchlist);
  const [query, setQuery] = useState('');
  const [type, setType] = useState<'both' | 'movie' | 'show'>('both');
  const [year, setYear] = useState('');
  const id = useId();
  const run = (target: number) => void watchlist.getState().search(query, type, year ? Number(year) : undefined, target);
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card__title">
        Find films and shows
      </h2>
      <form
        className="watchlist-search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          run(1);
        }}
      >
        <label htmlFor={`${id}-q`} className="visually-hidden">
          Search Trakt
        </label>
        <input ref={inputRef} id={`${id}-q`} className="text-input watchlist-search__query" type="search" placeholder="Title (press / to search)" value={query} onChange={(event) => setQuery(event.target.value)} />
        <label htmlFor={`${id}-type`} className="visually-hidden">
          Type
        </label>
        <select id={`${id}-type`} className="text-input" value={type} onChange={(event) => setType(event.target.value as typeof type)}>
          <option value="both">Films and shows</option>
          <option value="movie">Films</option>
          <option value="show">Shows</option>
        </select>
        <label htmlFor={`${id}-year`} className="visually-hidden">
          Year
        </label>
        <input id={`${id}-year`} className="text-input text-input--number" inputMode="numeric" placeholder="Year" value={year} onChange={(event) => setYear(event.target.value.replace(/\D/g, '').slice(0, 4))} />
        <button type="submit" className="button button--primary" disabled={searching || query.trim().length < 2}>
          {searching ? 'Searching…' : 'Search'}
        </button>
      </form>
      {searchError && <p className="field__error">{searchError}</p>}
      {results.length > 0 && (
        <ul className="watchlist-results" aria-label="Search results">
          {results.map((result) => (
            <WatchlistRow key={result.key} item={result}>
              {result.inWatchlist ? (
                <span className="status-badge status-badge--ok">Already in your watchlist</span>
              ) : (
                <button type="button" className="button button--small" disabled={busy} aria-label={`Add ${result.title} to the watchlist`} onClick={() => void watchlist.getState().add([result])}>
                  Add
                </button>
              )}
            </WatchlistRow>
          ))}
        </ul>
      )}
      {pageCount > 1 && (
        <div className="button-row">
          <button type="button" className="button button--small" disabled={page <= 1 || searching} onClick={() => run(page - 1)}>
            Previous page
          </button>
          <span className="muted">
            Page {page} of {pageCount}
          </span>
          <button type="button" className="button button--small" disabled={page >= pageCount || searching} onClick={() => run(page + 1)}>
            Next page
          </button>
        </div>
      )}
    </section>
  );
}
