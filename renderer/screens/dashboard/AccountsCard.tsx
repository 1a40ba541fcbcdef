import { useStore } from 'zustand';
import { useStores } from '../../state/stores-context';
import { formatDate, serviceLabels } from './labels';

export function AccountsCard() {
  const { accounts } = useStores();
  const { status, value: list, error, reload } = useStore(accounts);

  return (
    <section className="card" aria-labelledby="accounts-title">
      <h2 id="accounts-title" className="card__title">
        Connected accounts
      </h2>
      {status === 'loading' && !list && <p className="muted">Loading…</p>}
      {status === 'failed' && !list && (
        <div className="inline-error">
          <p>Could not list connected accounts: {error}</p>
          <button type="button" className="button" onClick={() => void reload()}>
            Try again
          </button>
        </div>
      )}
      {list && list.length === 0 && (
        <div className="empty-state">
          <p className="empty-state__title">No accounts connected yet</p>
          <p className="muted">
            Connecting AniList, MyAnimeList, Trakt and Plex arrives with the accounts feature. Until then there is
            nothing to sync.
          </p>
        </div>
      )}
      {list && list.length > 0 && (
        <ul className="account-list">
          {list.map((account) => (
            <li key={account.id} className="account-list__item">
              <span className="account-list__service">{serviceLabels[account.service]}</span>
              <span className="account-list__user">{account.userName}</span>
              <span className="muted">Connected {formatDate(account.connectedAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
