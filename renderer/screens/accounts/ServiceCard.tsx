import { useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { Account, ConnectInput, Service, ServiceClient } from '../../../shared/contract';
import { serviceLabels } from '../../state/service-labels';
import type { AniListMethod } from '../../state/sign-in-store';
import { useStores } from '../../state/stores-context';
import { AccountRow } from './AccountRow';
import { ClientForm } from './ClientForm';
import { aniListMethods, serviceTaglines } from './format';
import { attemptStatus, SignInPanel } from './SignInPanel';
import { AniListTokenForm, PlexTokenForm } from './TokenForms';

interface Props {
  service: Service;
  accounts: Account[];
  /** null while the API clients are loading (or could not be read). */
  client: ServiceClient | null;
  now: number;
}

/** Why Connect cannot be pressed, or null when it can. */
export function connectBlockedReason(service: Service, client: ServiceClient | null): string | null {
  if (client?.source !== 'none') return null;
  const label = serviceLabels[service];
  return client.ownClientRequired
    ? `${label} requires every user to register their own API client. Enter its client ID and secret under “${label} API client” below, then connect.`
    : `${label} has no API client yet. Enter your own under “${label} API client” below, then connect.`;
}

export function ServiceCard({ service, accounts, client, now }: Props) {
  const { signIn } = useStores();
  const attempt = useStore(signIn, (s) => s.attempts[service]);
  const notice = useStore(signIn, (s) => s.notices[service]);
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [method, setMethod] = useState<AniListMethod>('implicit');
  const label = serviceLabels[service];
  const blocked = connectBlockedReason(service, client);
  const reasonId = `${id}-blocked`;
  const busy = attempt !== undefined;
  const canUseCode = client?.hasClientSecret ?? false;
  const chosen: AniListMethod = method === 'code' && !canUseCode ? 'implicit' : method;
  const status = attempt ? attemptStatus(service, attempt) : null;

  function connect(): void {
    const input: ConnectInput = service === 'anilist' ? { service, method: chosen } : { service };
    void signIn.getState().connect(input);
  }

  return (
    <section className="card service-card" aria-labelledby={`${id}-title`}>
      <header className="service-card__header">
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1} className="card__title service-card__title">
          {label}
        </h2>
        <p className="card__text">{serviceTaglines[service]}</p>
      </header>

      {accounts.length > 0 && (
        <ul className="account-rows" aria-label={`${label} accounts`}>
          {accounts.map((account) => (
            <AccountRow
              key={account.id}
              account={account}
              now={now}
              reconnectBlocked={busy || blocked !== null}
              reconnectReasonId={blocked ? reasonId : undefined}
              onReconnect={connect}
              onDisconnected={() => heading.current?.focus()}
            />
          ))}
        </ul>
      )}

      {service === 'anilist' && (
        <fieldset className="method-choice" disabled={busy}>
          <legend className="field__label">AniList sign-in method</legend>
          {aniListMethods.map((option) => {
            const unavailable = option.value === 'code' && !canUseCode;
            return (
              <label key={option.value} className="method-choice__option">
                <input
                  type="radio"
                  name={`${id}-method`}
                  value={option.value}
                  checked={chosen === option.value}
                  disabled={unavailable}
                  onChange={() => setMethod(option.value)}
                />
                <span className="method-choice__label">{option.label}</span>
                <span className="method-choice__hint">
                  {unavailable ? 'Save your own client with its secret below to use this.' : option.hint}
                </span>
              </label>
            );
          })}
        </fieldset>
      )}

      <div className="service-card__connect">
        <button
          type="button"
          className={accounts.length === 0 ? 'button button--primary' : 'button'}
          disabled={busy || blocked !== null}
          aria-describedby={blocked ? reasonId : undefined}
          onClick={connect}
        >
          {accounts.length === 0 ? `Connect ${label}` : `Connect another ${label} account`}
        </button>
        {blocked && (
          <p className="service-card__blocked" id={reasonId}>
            {blocked}
          </p>
        )}
      </div>

      <div role="status" className="sign-in-status">
        {status && (
          <>
            <p className="sign-in-status__lead">{status.lead}</p>
            {status.message && <p>{status.message}</p>}
          </>
        )}
        {!attempt && notice && <p className={`notice notice--${notice.tone}`}>{notice.message}</p>}
      </div>
      {attempt && <SignInPanel service={service} attempt={attempt} onCancel={() => void signIn.getState().cancel(service)} />}

      {service === 'anilist' && chosen === 'pin' && <AniListTokenForm />}
      {service === 'plex' && <PlexTokenForm />}
      {client && service !== 'plex' && <ClientForm client={client} />}
    </section>
  );
}
