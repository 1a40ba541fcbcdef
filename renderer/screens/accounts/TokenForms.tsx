import { useId, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../../state/stores-context';

function FormStatus({ error }: { error: string | null | undefined }) {
  return (
    <div role="status" className="token-form__status">
      {error && <p className="field__error">{error}</p>}
    </div>
  );
}

/**
 * AniList's pin method: its page shows a token, pasted here. Kept after a failed attempt so a typo can be
 * fixed rather than copied again; cleared once it worked.
 */
export function AniListTokenForm() {
  const { signIn } = useStores();
  const form = useStore(signIn, (s) => s.tokenForms.anilist);
  const id = useId();
  const [token, setToken] = useState('');
  const error = form?.fieldErrors.token;

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (await signIn.getState().connectWithToken({ service: 'anilist', token })) setToken('');
  }

  return (
    <form className="token-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="stack-field">
        <label className="field__label" htmlFor={id}>
          AniList token
        </label>
        <p className="field__hint" id={`${id}-hint`}>
          Press Connect AniList to open the page that shows it, then paste the whole token (or the address it ends
          on) here.
        </p>
        <input
          id={id}
          className="text-input"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}
          onChange={(event) => setToken(event.currentTarget.value)}
        />
        {error && (
          <p className="field__error" id={`${id}-error`}>
            {error}
          </p>
        )}
      </div>
      <button type="submit" className="button" disabled={form?.pending}>
        Connect AniList with this token
      </button>
      <FormStatus error={form?.error} />
    </form>
  );
}

/** Plex without plex.tv: a server address and its X-Plex-Token, for servers that are not linked to an account. */
export function PlexTokenForm() {
  const { signIn } = useStores();
  const form = useStore(signIn, (s) => s.tokenForms.plex);
  const id = useId();
  const [serverUrl, setServerUrl] = useState('');
  const [token, setToken] = useState('');
  const urlError = form?.fieldErrors.serverUrl;
  const tokenError = form?.fieldErrors.token;

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (await signIn.getState().connectWithToken({ service: 'plex', serverUrl, token })) {
      setServerUrl('');
      setToken('');
    }
  }

  return (
    <details className="disclosure">
      <summary className="disclosure__summary">
        <span className="disclosure__title">Connect with a server address and token instead</span>
      </summary>
      <form className="token-form disclosure__body" onSubmit={(event) => void submit(event)} noValidate>
        <p className="card__text">
          For a server you reach directly. The token is the X-Plex-Token from the server's settings or from a
          request URL in Plex Web.
        </p>
        <div className="stack-field">
          <label className="field__label" htmlFor={`${id}-url`}>
            Plex server address
          </label>
          <input
            id={`${id}-url`}
            className="text-input"
            type="url"
            inputMode="url"
            placeholder="http://192.168.1.20:32400"
            autoComplete="off"
            spellCheck={false}
            value={serverUrl}
            aria-invalid={urlError ? true : undefined}
            aria-describedby={urlError ? `${id}-url-error` : undefined}
            onChange={(event) => setServerUrl(event.currentTarget.value)}
          />
          {urlError && (
            <p className="field__error" id={`${id}-url-error`}>
              {urlError}
            </p>
          )}
        </div>
        <div className="stack-field">
          <label className="field__label" htmlFor={`${id}-token`}>
            X-Plex-Token
          </label>
          <input
            id={`${id}-token`}
            className="text-input"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={token}
            aria-invalid={tokenError ? true : undefined}
            aria-describedby={tokenError ? `${id}-token-error` : undefined}
            onChange={(event) => setToken(event.currentTarget.value)}
          />
          {tokenError && (
            <p className="field__error" id={`${id}-token-error`}>
              {tokenError}
            </p>
          )}
        </div>
        <button type="submit" className="button" disabled={form?.pending}>
          Connect Plex server
        </button>
        <FormStatus error={form?.error} />
      </form>
    </details>
  );
}
