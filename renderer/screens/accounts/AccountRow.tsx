import { useState } from 'react';
import { useStore } from 'zustand';
import type { Account } from '../../../shared/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { WarningIcon } from '../../components/Icons';
import { serviceLabels } from '../../state/service-labels';
import { useStores } from '../../state/stores-context';
import { formatDate } from '../dashboard/labels';
import { describeExpiry, initials } from './format';
import { PlexServers } from './PlexServers';

interface Props {
  account: Account;
  /** Reconnecting is not possible right now (a sign-in is under way, or there is no API client); why, if so. */
  reconnectBlocked: boolean;
  reconnectReasonId: string | undefined;
  onReconnect(): void;
  /** After the account is gone: focus must land somewhere sensible, not on <body>. */
  onDisconnected(): void;
  now: number;
}

export function accountName(account: Account): string {
  return `${account.userName} (${serviceLabels[account.service]})`;
}

function Avatar({ account }: { account: Account }) {
  const [broken, setBroken] = useState(false);
  if (!account.avatarUrl || broken) {
    return (
      <span className="avatar avatar--initials" aria-hidden="true">
        {initials(account.userName)}
      </span>
    );
  }
  // Decorative: the name is right beside it. No referrer, so the service does not learn where it was shown.
  return <img className="avatar" src={account.avatarUrl} alt="" width={40} height={40} referrerPolicy="no-referrer" onError={() => setBroken(true)} />;
}

export function AccountRow({ account, reconnectBlocked, reconnectReasonId, onReconnect, onDisconnected, now }: Props) {
  const { signIn } = useStores();
  const disconnect = useStore(signIn, (s) => s.disconnects[account.id]);
  const [confirming, setConfirming] = useState(false);
  const label = serviceLabels[account.service];
  const name = accountName(account);
  const needsSignIn = account.status === 'needs-sign-in';
  const expiry = describeExpiry(account.service, account.tokenExpiresAt, now);

  async function confirm(): Promise<void> {
    setConfirming(false);
    if (await signIn.getState().disconnect(account)) onDisconnected();
  }

  return (
    <li className={`account${needsSignIn ? ' account--needs-sign-in' : ''}`}>
      <div className="account__summary">
        <Avatar account={account} />
        <div className="account__main">
          <p className="account__name">
            <span className="account__user">{account.userName}</span>
            {needsSignIn ? (
              <span className="status-badge status-badge--warning">Needs sign-in</span>
            ) : (
              <span className="status-badge status-badge--ok">Connected</span>
            )}
          </p>
          <p className="account__meta">
            <span>Connected {formatDate(account.connectedAt)}</span>
            <span className={`expiry expiry--${expiry.tone}`}>{expiry.text}</span>
          </p>
        </div>
        <div className="account__actions">
          <button
            type="button"
            className={needsSignIn ? 'button button--primary' : 'button'}
            aria-label={`Reconnect ${name}`}
            aria-describedby={reconnectBlocked ? reconnectReasonId : undefined}
            disabled={reconnectBlocked}
            onClick={onReconnect}
          >
            Reconnect
          </button>
          <button
            type="button"
            className="button"
            aria-label={`Disconnect ${name}`}
            disabled={disconnect?.pending}
            onClick={() => setConfirming(true)}
          >
            {disconnect?.pending ? 'Disconnecting…' : 'Disconnect'}
          </button>
        </div>
      </div>
      {needsSignIn && (
        <div className="callout callout--warning">
          <WarningIcon />
          <p>
            {label} refused the saved sign-in for {account.userName}. Kizuna stopped syncing this account; reconnect to
            carry on.
          </p>
        </div>
      )}
      {disconnect?.error && (
        <p className="field__error" role="alert">
          Could not disconnect {name}: {disconnect.error}
        </p>
      )}
      {account.service === 'plex' && !needsSignIn && <PlexServers account={account} />}
      {confirming && (
        <ConfirmDialog
          title={`Disconnect ${name}?`}
          confirmLabel="Disconnect"
          cancelLabel="Keep connected"
          onConfirm={() => void confirm()}
          onDismiss={() => setConfirming(false)}
        >
          <p>
            Kizuna will ask {label} to revoke its access where {label} allows it, and delete the saved sign-in. Your
            list on {label} stays as it is. You can connect again at any time.
          </p>
        </ConfirmDialog>
      )}
    </li>
  );
}
