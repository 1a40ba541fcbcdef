import { useId } from 'react';
import { useStore } from 'zustand';
import { serviceLabels, services } from '../../state/service-labels';
import { useStores } from '../../state/stores-context';
import type { LibraryKind, LibrarySort } from './filter';

export const statusLabels: Record<string, string> = { current: 'Watching', planning: 'Planning', completed: 'Completed', paused: 'Paused', dropped: 'Dropped', repeating: 'Rewatching' };

/** Tabs, search, filters and sort; every change re-filters on this side at once. */
export function LibraryToolbar() {
  const { library } = useStores();
  const filters = useStore(library, (state) => state.filters);
  const count = useStore(library, (state) => state.rows.length);
  const id = useId();
  const set = library.getState().setFilters;
  const tab = (kind: LibraryKind, label: string) => (
    <button type="button" role="tab" aria-selected={filters.kind === kind} className={`tab${filters.kind === kind ? ' tab--active' : ''}`} onClick={() => set({ kind })}>
      {label}
    </button>
  );
  return (
    <div className="library-toolbar">
      <div role="tablist" aria-label="Kind of title" className="tabs">
        {tab('anime', 'Anime')}
        {tab('manga', 'Manga')}
      </div>
      <div className="library-toolbar__filters">
        <label htmlFor={`${id}-search`} className="visually-hidden">
          Search the library
        </label>
        <input id={`${id}-search`} className="text-input library-toolbar__search" type="search" placeholder="Search titles" value={filters.query} onChange={(event) => set({ query: event.target.value })} />
        <label htmlFor={`${id}-service`} className="visually-hidden">
          Service
        </label>
        <select id={`${id}-service`} className="text-input" value={filters.service} onChange={(event) => set({ service: event.target.value as typeof filters.service })}>
          <option value="any">On any service</option>
          {services.map((service) => (
            <option key={service} value={service}>
              On {serviceLabels[service]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-status`} className="visually-hidden">
          Status
        </label>
        <select id={`${id}-status`} className="text-input" value={filters.status} onChange={(event) => set({ status: event.target.value })}>
          <option value="any">Any status</option>
          {Object.entries(statusLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-sort`} className="visually-hidden">
          Sort by
        </label>
        <select id={`${id}-sort`} className="text-input" value={filters.sort} onChange={(event) => set({ sort: event.target.value as LibrarySort })}>
          <option value="title">Sort by title</option>
          <option value="progress">Sort by progress</option>
          <option value="score">Sort by score</option>
          <option value="updated">Sort by last change</option>
        </select>
        <label className="library-toolbar__check">
          <input type="checkbox" checked={filters.disagree} onChange={(event) => set({ disagree: event.target.checked })} /> Services disagree
        </label>
      </div>
      <p className="library-toolbar__count muted" role="status">
        {count} title{count === 1 ? '' : 's'}
      </p>
    </div>
  );
}
