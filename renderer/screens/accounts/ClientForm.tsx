import { useId, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import type { ServiceClient } from '../../../shared/contract';
import { CopyField } from '../../components/CopyField';
import { ExternalIcon } from '../../components/Icons';
import { serviceLabels } from '../../state/service-labels';
import { useStores } from '../../state/stores-context';

const sourceText: Record<ServiceClient['source'], string> = {
  own: 'Your own',
  'built-in': 'Built in',
  none: 'Not set up',
};

/**
 * The "API client" disclosure: what to register on the service's developer page (the redirect URI, exactly),
 * and the person's own client ID and secret. The secret field is never filled in: the core does not send
 * secrets back, and the form clears it once saved.
 */
export function ClientForm({ client }: { client: ServiceClient }) {
  const { clients } = useStores();
  const form = useStore(clients, (s) => s.forms[client.service]);
  const id = useId();
  const label = serviceLabels[client.service];
  const [open, setOpen] = useState(client.source === 'none');
  const [clientId, setClientId] = useState(client.source === 'own' ? (client.clientId ?? '') : '');
  const [secret, setSecret] = useState('');
  const pending = form?.pending ?? null;
  const idError = form?.fieldErrors.clientId;
  const secretError = form?.fieldErrors.clientSecret;

  async function save(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    // An empty secret field means "keep what is stored", not "remove it": that has its own button.
    const saved = await clients.getState().save(client.service, clientId, secret === '' ? undefined : secret);
    if (saved) setSecret('');
  }

  async function reset(): Promise<void> {
    if (await clients.getState().reset(client.service)) {
      setClientId('');
      setSecret('');
    }
  }

  async function removeSecret(): Promise<void> {
    if (client.clientId) await clients.getState().save(client.service, client.clientId, null);
  }

  const describe = (...ids: Array<string | false | undefined>) => ids.filter(Boolean).join(' ') || undefined;

  return (
    <details className="disclosure" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="disclosure__summary">
        <span className="disclosure__title">{label} API client</span>
        <span className={`source-badge source-badge--${client.source}`}>{sourceText[client.source]}</span>
      </summary>
      <div className="disclosure__body">
        <p className="card__text">{client.instructions}</p>
        {client.redirectUri && (
          <CopyField label="Redirect URI to register" value={client.redirectUri} copyLabel={`Copy ${label} redirect URI`} />
        )}
        {client.developerUrl && (
          <p>
            <a href={client.developerUrl} target="_blank" rel="noopener noreferrer" className="external-link">
              Open the {label} developer page
              <ExternalIcon />
            </a>
          </p>
        )}
        <form className="client-form" onSubmit={(event) => void save(event)} noValidate>
          <div className="stack-field">
            <label className="field__label" htmlFor={`${id}-id`}>
              {label} client ID
            </label>
            <input
              id={`${id}-id`}
              className="text-input"
              name="clientId"
              autoComplete="off"
              spellCheck={false}
              value={clientId}
              aria-invalid={idError ? true : undefined}
              aria-describedby={describe(idError && `${id}-id-error`)}
              onChange={(event) => setClientId(event.currentTarget.value)}
            />
            {idError && (
              <p className="field__error" id={`${id}-id-error`}>
                {idError}
              </p>
            )}
          </div>
          <div className="stack-field">
            <label className="field__label" htmlFor={`${id}-secret`}>
              {label} client secret
            </label>
            <input
              id={`${id}-secret`}
              className="text-input"
              type="password"
              name="clientSecret"
              autoComplete="off"
              value={secret}
              aria-invalid={secretError ? true : undefined}
              aria-describedby={describe(`${id}-secret-hint`, secretError && `${id}-secret-error`)}
              onChange={(event) => setSecret(event.currentTarget.value)}
            />
            <p className="field__hint" id={`${id}-secret-hint`}>
              {client.source === 'own' && client.hasClientSecret
                ? 'A secret is stored. Leave this empty to keep it, or type a new one to replace it.'
                : client.ownClientRequired
                  ? 'Required: the client secret from the same page.'
                  : 'Optional. Kizuna keeps it with your sign-ins, never in its settings.'}
            </p>
            {secretError && (
              <p className="field__error" id={`${id}-secret-error`}>
                {secretError}
              </p>
            )}
          </div>
          <div className="client-form__actions">
            <button type="submit" className="button button--primary" aria-label={`Save ${label} API client`} disabled={pending !== null}>
              {pending === 'save' ? 'Saving…' : 'Save'}
            </button>
            {client.source === 'own' && client.hasClientSecret && (
              <button type="button" className="button" disabled={pending !== null} onClick={() => void removeSecret()}>
                Remove the stored {label} secret
              </button>
            )}
            {client.source === 'own' && (
              <button type="button" className="button" disabled={pending !== null} onClick={() => void reset()}>
                {client.ownClientRequired ? `Remove my ${label} client` : `Use the built-in ${label} client`}
              </button>
            )}
          </div>
          <div role="status" className="client-form__status">
            {form?.done && <p className="form-done">{form.done}</p>}
            {form?.error && <p className="field__error">{form.error}</p>}
          </div>
        </form>
      </div>
    </details>
  );
}
