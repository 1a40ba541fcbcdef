import type { ReactNode } from 'react';
import type { WatchlistItem } from '../../../shared/contract/watchlist';

/** One film or show, in the search results or the watchlist: title, year and type, then its action. */
export function WatchlistRow({ item, children }: { item: WatchlistItem; children: ReactNode }) {
  return (
    <li className="watchlist-row">
      <span className="watchlist-row__title">
        {item.title} <span className="muted">{[item.year, item.type === 'movie' ? 'Film' : 'Show'].filter(Boolean).join(' · ')}</span>
      </span>
      {children}
    </li>
  );
}
