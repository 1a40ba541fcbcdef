import { useStore } from 'zustand';
import { WarningIcon } from '../../components/Icons';
import { screenHash } from '../../state/router';
import { useStores } from '../../state/stores-context';
import { expiringSignIn } from '../../../shared/sign-in-expiry';
import { formatDate, serviceLabels } from './labels';

export function AccountsCard() {
  const { accounts } = useStores();
  const { status, value: list, error, reload } = useStore(accounts);
  const needSignIn = list?.filter((account) => account.status === 'needs-sign-in') ?? [];
  const [first] = needSignIn;

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
          <p className="muted">Connect AniList, MyAnimeList, Trakt or Plex to have something to sync.</p>
          <a className="button button--primary empty-state__action" href={screenHash('accounts')}>
            Connect accounts
          </a>
        </div>
      )}
      {list && list.length > 0 && (
        <>
          {first && (
            <div className="callout callout--warning callout--first">
              <WarningIcon />
              <p>
                {needSignIn.length === 1 && first
                  ? `${first.userName} (${serviceLabels[first.service]}) needs signing in again; syncing with it has stopped.`
                  : `${needSignIn.length} accounts need signing in again; syncing with them has stopped.`}{' '}
                <a href={screenHash('accounts')}>Reconnect on the Accounts screen</a>
              </p>
            </div>
          )}
          <ul className="account-list">
            {list.map((account) => (
              <li key={account.id} className="account-list__item">
                <span className="account-list__service">{serviceLabels[account.service]}</span>
                <span className="account-list__user">{account.userName}</span>
                {account.status === 'needs-sign-in' ? (
                  <span className="status-badge status-badge--warning">Needs sign-in</span>
                ) : expiringSignIn(account, new Date()) ? (
                  <span className="status-badge status-badge--warning">
                    Sign-in ends {formatDate(account.tokenExpiresAt ?? '')}: <a href={screenHash('accounts')}>reconnect</a>
                  </span>
                ) : (
                  <span className="muted">Connected {formatDate(account.connectedAt)}</span>
                )}
              </li>
            ))}
          </ul>
          <p className="card__footer">
            <a href={screenHash('accounts')}>Manage accounts</a>
          </p>
        </>
      )}
    </section>
  );
}
