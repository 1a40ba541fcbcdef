import { useEffect, useId } from 'react';
import { useStore } from 'zustand';
import type { Account, PlexLibraryHolds, PlexServerView } from '../../../shared/contract';
import { WarningIcon } from '../../components/Icons';
import { libraryControl, serverControl } from '../../state/plex-store';
import { useStores } from '../../state/stores-context';
import { holdsOptions } from './format';

const plexTypes: Record<string, string> = { show: 'TV library', movie: 'Movie library', artist: 'Music library', photo: 'Photo library' };

/** Under a connected Plex account: which servers to sync with, and what each of their libraries holds. */
export function PlexServers({ account }: { account: Account }) {
  const { plex } = useStores();
  const state = useStore(plex, (s) => s.accounts[account.id]);
  const headingId = useId();

  useEffect(() => {
    if (!plex.getState().accounts[account.id]) void plex.getState().load(account.id);
  }, [plex, account.id]);

  const servers = state?.servers ?? null;
  const refreshing = state?.refreshing ?? false;

  return (
    <section className="plex-servers" aria-labelledby={headingId}>
      <div className="plex-servers__header">
        <h3 id={headingId} className="plex-servers__title">
          Servers and libraries
        </h3>
        <button
          type="button"
          className="button button--small"
          aria-label={`Refresh servers for ${account.userName} (Plex)`}
          disabled={refreshing}
          onClick={() => void plex.getState().load(account.id, true)}
        >
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      <div role="status" className="plex-servers__status">
        {(!state || (state.status === 'loading' && !servers)) && <p className="muted">Loading servers…</p>}
        {refreshing && <p className="muted">Asking plex.tv and your servers again…</p>}
        {state?.error && (
          <p className="field__error">
            {servers ? '' : 'Could not read the servers: '}
            {state.error}
          </p>
        )}
      </div>
      {servers && servers.length === 0 && (
        <p className="muted">This Plex account has no servers. Add one on plex.tv, then press Refresh.</p>
      )}
      {servers && servers.length > 0 && (
        <ul className="plex-server-list">
          {servers.map((server) => (
            <PlexServer
              key={server.machineIdentifier}
              server={server}
              saving={state?.saving ?? {}}
              onSelect={(selected) => void plex.getState().selectServer(account.id, server.machineIdentifier, selected)}
              onHolds={(key, holds) => void plex.getState().setLibrary(account.id, server.machineIdentifier, key, holds)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

interface ServerProps {
  server: PlexServerView;
  saving: Record<string, true>;
  onSelect(selected: boolean): void;
  onHolds(key: string, holds: PlexLibraryHolds): void;
}

function PlexServer({ server, saving, onSelect, onHolds }: ServerProps) {
  const id = useId();
  const savingServer = Boolean(saving[serverControl(server.machineIdentifier)]);

  return (
    <li className="plex-server">
      <div className="plex-server__head">
        <input
          id={`${id}-sync`}
          type="checkbox"
          className="checkbox"
          checked={server.selected}
          aria-describedby={`${id}-about`}
          onChange={(event) => onSelect(event.currentTarget.checked)}
        />
        <div>
          <label htmlFor={`${id}-sync`} className="plex-server__name">
            Sync with {server.name}
          </label>
          <p id={`${id}-about`} className="muted">
            {server.owned ? 'Your server' : 'Shared with you'} · {server.address ?? 'not reached yet'}
            {savingServer && ' · Saving…'}
          </p>
        </div>
      </div>
      {server.problem && (
        <div className="callout callout--warning">
          <WarningIcon />
          <p>{server.problem}</p>
        </div>
      )}
      {server.selected && server.libraries.length === 0 && !server.problem && (
        <p className="muted plex-server__empty">No libraries found on {server.name}.</p>
      )}
      {server.selected && server.libraries.length > 0 && (
        <ul className="library-list">
          {server.libraries.map((library) => {
            const selectId = `${id}-lib-${library.key}`;
            const busy = Boolean(saving[libraryControl(server.machineIdentifier, library.key)]);
            return (
              <li key={library.key} className="library">
                <label htmlFor={selectId} className="library__label">
                  {library.title} holds
                </label>
                <span id={`${selectId}-type`} className="muted library__type">
                  {plexTypes[library.type] ?? library.type}
                  {busy && ' · Saving…'}
                </span>
                <select
                  id={selectId}
                  className="select"
                  value={library.holds}
                  aria-describedby={`${selectId}-type`}
                  onChange={(event) => onHolds(library.key, event.currentTarget.value as PlexLibraryHolds)}
                >
                  {holdsOptions.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}
