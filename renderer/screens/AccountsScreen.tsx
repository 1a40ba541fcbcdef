import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { ScreenFrame } from '../components/ScreenFrame';
import { findClient } from '../state/clients-store';
import { services } from '../state/service-labels';
import { useStores } from '../state/stores-context';
import { ServiceCard } from './accounts/ServiceCard';

/** How often expiry wording ("expires in 3 hours") is brought up to date while the screen is open. */
const clockTick = 60_000;

/** Settings → Accounts: one card per service with its accounts, sign-in, API client and (Plex) servers. */
export function AccountsScreen() {
  const { accounts, clients } = useStores();
  const { status, value: list, error, reload } = useStore(accounts);
  const clientList = useStore(clients);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    // Read on every visit: the redirect URIs depend on the sign-in port, which may have changed meanwhile.
    void clients.getState().reload();
    const timer = setInterval(() => setNow(Date.now()), clockTick);
    return () => clearInterval(timer);
  }, [clients]);

  return (
    <ScreenFrame
      title="Accounts"
      description="Connect the services Kizuna keeps in step. Sign-ins are kept in the secret store, never in files or logs."
    >
      {status === 'loading' && !list && <p className="muted">Loading accounts…</p>}
      {status === 'failed' && !list && (
        <div className="card inline-error">
          <p>Could not list connected accounts: {error}</p>
          <button type="button" className="button" onClick={() => void reload()}>
            Try again
          </button>
        </div>
      )}
      {clientList.status === 'failed' && !clientList.value && (
        <div className="card inline-error">
          <p>Could not read the API clients: {clientList.error}</p>
          <button type="button" className="button" onClick={() => void clientList.reload()}>
            Try again
          </button>
        </div>
      )}
      {list && (
        <div className="card-grid">
          {services.map((service) => (
            <ServiceCard
              key={service}
              service={service}
              accounts={list.filter((account) => account.service === service)}
              client={findClient(clientList.value, service)}
              now={now}
            />
          ))}
        </div>
      )}
    </ScreenFrame>
  );
}
