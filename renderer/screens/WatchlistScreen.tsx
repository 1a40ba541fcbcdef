import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { ScreenFrame } from '../components/ScreenFrame';
import { screenHash } from '../state/router';
import { useStores } from '../state/stores-context';
import { sortWatchlist, watchlistCsv, watchlistJson, type WatchlistSort } from './watchlist/export';
import { WatchlistRow } from './watchlist/WatchlistRow';
import { WatchlistSearch } from './watchlist/WatchlistSearch';

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function WatchlistScreen() {
  const { watchlist } = useStores();
  const { status, items, error, last, busy, importing, imported } = useStore(watchlist);
  const fileInput = useRef<HTMLInputElement>(null);
  const [sort, setSort] = useState<WatchlistSort>('added');
  const [type, setType] = useState<'all' | 'movie' | 'show'>('all');
  const search = useRef<HTMLInputElement>(null);
  const shown = sortWatchlist(items, sort, type);

  useEffect(() => {
    void watchlist.getState().load();
  }, [watchlist]);

  // "/" searches and "u" undoes, unless the person is typing in a field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA')) return;
      if (event.key === '/') {
        event.preventDefault();
        search.current?.focus();
      } else if (event.key === 'u' && watchlist.getState().last) {
        void watchlist.getState().undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [watchlist]);

  return (
    <ScreenFrame title="Watchlist" description="Your Trakt watchlist: find films and shows, add and remove them. Press / to search, u to undo.">
      {status === 'failed' && (
        <div className="inline-error">
          <p>{error}</p>
          <p>
            <a href={screenHash('accounts')}>Open Accounts</a>
          </p>
        </div>
      )}
      {last && (
        <div className="callout callout--success watchlist-undo" role="status">
          <p>
            {last.action === 'added' ? 'Added' : 'Removed'} {last.items.map((item) => item.title).join(', ')}.
          </p>
          <button type="button" className="button button--small" disabled={busy} onClick={() => void watchlist.getState().undo()}>
            Undo
          </button>
        </div>
      )}
      {status !== 'failed' && <WatchlistSearch inputRef={search} />}
      {status === 'ready' && (
        <section className="card" aria-labelledby="watchlist-title">
          <div className="preview__header">
            <h2 id="watchlist-title" className="card__title">
              On your watchlist <span className="muted">({items.length})</span>
            </h2>
            <div className="button-row">
              <label className="visually-hidden" htmlFor="watchlist-sort">
                Sort by
              </label>
              <select id="watchlist-sort" className="text-input" value={sort} onChange={(event) => setSort(event.target.value as WatchlistSort)}>
                <option value="added">Newest first</option>
                <option value="title">Title</option>
                <option value="year">Year</option>
                <option value="rank">Trakt rank</option>
              </select>
              <label className="visually-hidden" htmlFor="watchlist-type">
                Show
              </label>
              <select id="watchlist-type" className="text-input" value={type} onChange={(event) => setType(event.target.value as typeof type)}>
                <option value="all">Films and shows</option>
                <option value="movie">Films</option>
                <option value="show">Shows</option>
              </select>
              <button type="button" className="button button--small" disabled={importing !== null} onClick={() => fileInput.current?.click()}>
                Import…
              </button>
              <input
                ref={fileInput}
                type="file"
                accept=".csv,.json,text/csv,application/json"
                className="visually-hidden"
                aria-label="Import a watchlist file"
                tabIndex={-1}
                onChange={(event) => {
                  const file = event.currentTarget.files?.[0];
                  event.currentTarget.value = '';
                  if (file) void file.text().then((text) => watchlist.getState().importFile(text, file.name));
                }}
              />
              <button type="button" className="button button--small" disabled={items.length === 0} onClick={() => download('trakt-watchlist.csv', watchlistCsv(shown), 'text/csv')}>
                Export CSV
              </button>
              <button type="button" className="button button--small" disabled={items.length === 0} onClick={() => download('trakt-watchlist.json', watchlistJson(shown), 'application/json')}>
                Export JSON
              </button>
            </div>
          </div>
          {importing && (
            <div className="sync-progress" role="status" aria-live="polite">
              <div className="sync-progress__line">
                <span className="sync-progress__phase">Importing…</span>
                <span className="sync-progress__count">
                  {importing.done} of {importing.total}
                </span>
              </div>
              <progress className="sync-progress__bar" max={importing.total} value={importing.done} aria-label={`Importing: ${importing.done} of ${importing.total}`} />
            </div>
          )}
          {imported && !importing && (imported.notFound.length > 0 || imported.skippedLines.length > 0) && (
            <div className="callout callout--warning">
              <div>
                {imported.notFound.length > 0 && <p>Not found on Trakt: {imported.notFound.join(', ')}.</p>}
                {imported.skippedLines.length > 0 && <p>Lines with no id to look up: {imported.skippedLines.join(', ')}.</p>}
              </div>
            </div>
          )}
          {shown.length === 0 ? (
            <p className="muted">Nothing here yet: search above and add what you want to watch.</p>
          ) : (
            <ul className="watchlist-results" aria-label="Your watchlist">
              {shown.map((item) => (
                <WatchlistRow key={item.key} item={item}>
                  <button type="button" className="button button--small" disabled={busy} aria-label={`Remove ${item.title} from the watchlist`} onClick={() => void watchlist.getState().remove([item])}>
                    Remove
                  </button>
                </WatchlistRow>
              ))}
            </ul>
          )}
        </section>
      )}
    </ScreenFrame>
  );
}
