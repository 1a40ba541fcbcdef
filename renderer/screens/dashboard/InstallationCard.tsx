import { useStore } from 'zustand';
import { WarningIcon } from '../../components/Icons';
import { useStores } from '../../state/stores-context';
import { hostLabels, platformLabel, secretStoreLabels, secretStoreWarning } from './labels';

export function InstallationCard() {
  const { appInfo } = useStores();
  const { status, value: info, error, reload } = useStore(appInfo);

  return (
    <section className="card" aria-labelledby="installation-title">
      <h2 id="installation-title" className="card__title">
        This installation
      </h2>
      {status === 'loading' && !info && <p className="muted">Loading…</p>}
      {status === 'failed' && !info && (
        <div className="inline-error">
          <p>Could not read this installation's details: {error}</p>
          <button type="button" className="button" onClick={() => void reload()}>
            Try again
          </button>
        </div>
      )}
      {info && (
        <>
          <dl className="facts">
            <div className="facts__row">
              <dt>Version</dt>
              <dd>{info.version}</dd>
            </div>
            <div className="facts__row">
              <dt>Running as</dt>
              <dd>{hostLabels[info.host]}</dd>
            </div>
            <div className="facts__row">
              <dt>Platform</dt>
              <dd>{platformLabel(info.platform)}</dd>
            </div>
            <div className="facts__row">
              <dt>Data folder</dt>
              <dd>
                <code className="path">{info.dataDir}</code>
              </dd>
            </div>
            <div className="facts__row">
              <dt>Services</dt>
              <dd>
                {info.services.source === 'real' ? (
                  'AniList, MyAnimeList, Trakt and Plex'
                ) : (
                  <>
                    <span className="facts__value">Other hosts, from KIZUNA_SERVICES</span>
                    <span className="facts__detail">
                      <code className="path">{info.services.file}</code> (for example the local emulators of <code>npm run demo</code>)
                    </span>
                  </>
                )}
              </dd>
            </div>
            <div className="facts__row">
              <dt>Sign-ins kept in</dt>
              <dd>
                <span className="facts__value">{secretStoreLabels[info.secretStore.kind]}</span>
                <span className="facts__detail">{info.secretStore.detail}</span>
              </dd>
            </div>
          </dl>
          <SecretStoreWarning kind={info.secretStore.kind} />
        </>
      )}
    </section>
  );
}

function SecretStoreWarning({ kind }: { kind: Parameters<typeof secretStoreWarning>[0] }) {
  const warning = secretStoreWarning(kind);
  if (!warning) return null;
  return (
    <div className={`callout callout--${kind === 'unavailable' ? 'danger' : 'warning'}`}>
      <WarningIcon />
      <p>
        <strong>Warning: </strong>
        {warning}
      </p>
    </div>
  );
}
