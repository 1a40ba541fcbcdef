import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import { useStore } from 'zustand';
import type { LibraryTitle } from '../../../shared/contract/library';
import { serviceLabels } from '../../state/service-labels';
import { useStores } from '../../state/stores-context';
import { statusLabels } from './LibraryToolbar';

const ROW_HEIGHT = 64;

function ListCell({ list }: { list: LibraryTitle['lists'][number] }) {
  const parts = [list.status ? (statusLabels[list.status] ?? list.status) : null, list.progress !== null ? `${list.progress} ep` : null, list.score ? `${list.score}/100` : null].filter(Boolean);
  return (
    <span className="library-cell">
      <span className="library-cell__service">{serviceLabels[list.service]}</span>
      <span className="library-cell__state">{parts.join(' · ') || '—'}</span>
    </span>
  );
}

// Memoised: a scroll re-renders the list, but a row whose title did not change need not render again.
const Row = memo(function Row({ title }: { title: LibraryTitle }) {
  const { library } = useStores();
  const pending = useStore(library, (state) => state.pending[title.titleKey]);
  const status = title.lists.find((list) => list.service !== 'plex' && list.status)?.status ?? '';
  return (
    <div className={`library-row${title.disagree ? ' library-row--disagree' : ''}`}>
      <div role="cell" className="library-row__title">
        <span className="library-row__name">{title.title}</span>
        {title.disagree && <span className="status-badge status-badge--warning">Services disagree</span>}
        {pending && <span className="muted library-row__pending">{pending === 'queued' ? 'Queued' : 'Sending…'}</span>}
      </div>
      <div role="cell" className="library-row__lists">
        {title.lists.map((list) => (
          <ListCell key={list.accountId} list={list} />
        ))}
      </div>
      <div role="cell" className="library-row__actions">
        <button type="button" className="button button--small" aria-label={`−1 episode for ${title.title}`} onClick={() => void library.getState().step(title.titleKey, -1)}>
          −1
        </button>
        <button type="button" className="button button--small" aria-label={`+1 episode for ${title.title}`} onClick={() => void library.getState().step(title.titleKey, 1)}>
          +1
        </button>
        <select className="text-input library-row__status" aria-label={`Status of ${title.title}`} value={status} onChange={(event) => void library.getState().setStatus(title.titleKey, event.target.value)}>
          {status === '' && <option value="">No status</option>}
          {Object.entries(statusLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
});

/** Only the rows on screen are in the page: 10,000 titles scroll as smoothly as 10. */
export function LibraryRows() {
  const { library } = useStores();
  const rows = useStore(library, (state) => state.rows);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  return (
    <div ref={scroller} className="library-scroller" role="table" aria-label="Library" aria-rowcount={rows.length} tabIndex={0}>
      <div className="library-scroller__inner" style={{ height: virtualizer.getTotalSize() }} role="rowgroup">
        {virtualizer.getVirtualItems().map((item) => {
          const title = rows[item.index];
          if (!title) return null;
          return (
            <div key={title.titleKey} className="library-scroller__item" role="row" aria-label={title.title} style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }} aria-rowindex={item.index + 1}>
              <Row title={title} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
