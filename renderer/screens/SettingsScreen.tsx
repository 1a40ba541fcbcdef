import { useStore } from 'zustand';
import { ScreenFrame } from '../components/ScreenFrame';
import { useStores } from '../state/stores-context';
import { screenHash } from '../state/router';
import { NumberField } from './settings/NumberField';
import { PairsSection } from './settings/PairsSection';
import { ThemeField } from './settings/ThemeField';
import { ToggleField } from './settings/ToggleField';

const interval = { min: 15, max: 24 * 60 } as const;
const port = { min: 1024, max: 65535 } as const;

export function SettingsScreen() {
  const { settings: store, appInfo } = useStores();
  const { status, settings, fields, loadError, load, change } = useStore(store);
  const host = useStore(appInfo, (s) => s.value?.host);

  return (
    <ScreenFrame title="Settings" description="Changes are saved as you make them.">
      {!settings && status === 'loading' && <p className="muted">Loading settings…</p>}
      {!settings && status === 'failed' && (
        <div className="card inline-error">
          <p>Could not load settings: {loadError}</p>
          <button type="button" className="button" onClick={() => void load()}>
            Try again
          </button>
        </div>
      )}
      {settings && (
        <div className="settings">
          <section className="card settings-accounts" aria-labelledby="settings-accounts">
            <div>
              <h2 id="settings-accounts" className="card__title">
                Accounts
              </h2>
              <p className="card__text">
                Connect AniList, MyAnimeList, Trakt and Plex, see when each sign-in expires, use your own API clients,
                and choose Plex servers and libraries.
              </p>
            </div>
            <a className="button" href={screenHash('accounts')}>
              Manage accounts
            </a>
          </section>

          <section className="card" aria-labelledby="settings-appearance">
            <h2 id="settings-appearance" className="card__title">
              Appearance
            </h2>
            <ThemeField
              value={settings.appearance.theme}
              status={fields['appearance.theme']}
              onChange={(theme) => void change('appearance.theme', theme)}
            />
          </section>

          <section className="card" aria-labelledby="settings-pairs">
            <h2 id="settings-pairs" className="card__title">
              What syncs with what
            </h2>
            <PairsSection pairs={settings.sync.pairs} status={fields['sync.pairs']} onChange={(pairs) => void change('sync.pairs', pairs)} />
          </section>

          <section className="card" aria-labelledby="settings-guards">
            <h2 id="settings-guards" className="card__title">
              Safety checks
            </h2>
            <NumberField
              label="Ask first above this share of a list (%)"
              hint="A run that would change more of one list than this stops and asks (only when it changes at least 5 titles)."
              min={1}
              max={100}
              notANumber="Enter a percentage from 1 to 100."
              value={Math.round(settings.sync.guardShare * 100)}
              status={fields['sync.guardShare']}
              onCommit={(percent) => void change('sync.guardShare', percent / 100)}
            />
            <NumberField
              label="Ask first above this many titles of a list"
              hint="A run that would change more titles of one list than this stops and asks."
              min={1}
              max={100000}
              notANumber="Enter a number of titles from 1."
              value={settings.sync.guardEntries}
              status={fields['sync.guardEntries']}
              onCommit={(entries) => void change('sync.guardEntries', entries)}
            />
            <ToggleField
              label="Copy private AniList entries"
              hint="Copy entries you marked private on AniList to services that cannot hide them (MyAnimeList, Trakt)."
              checked={settings.sync.syncPrivate}
              status={fields['sync.syncPrivate']}
              onChange={(value) => void change('sync.syncPrivate', value)}
            />
            <ToggleField
              label="Let a sync mark Plex episodes unwatched"
              hint="When progress goes down elsewhere (a rewatch reset), unmark the episodes past it in Plex."
              checked={settings.sync.plexUnwatch}
              status={fields['sync.plexUnwatch']}
              onChange={(value) => void change('sync.plexUnwatch', value)}
            />
          </section>

          <section className="card" aria-labelledby="settings-schedule">
            <h2 id="settings-schedule" className="card__title">
              Sync schedule
            </h2>
            <ToggleField
              label="Pause scheduled sync"
              hint="Kizuna will not sync on its own until you turn this off. Syncing by hand still works."
              checked={settings.schedule.paused}
              status={fields['schedule.paused']}
              onChange={(paused) => void change('schedule.paused', paused)}
            />
            <NumberField
              label="Sync interval (minutes)"
              hint={`How often the schedule syncs, from ${interval.min} minutes to ${interval.max} (a day). Saved when you press Enter or leave the field.`}
              min={interval.min}
              max={interval.max}
              notANumber={`Enter a number of minutes from ${interval.min} to ${interval.max}.`}
              value={settings.schedule.intervalMinutes}
              status={fields['schedule.intervalMinutes']}
              onCommit={(minutes) => void change('schedule.intervalMinutes', minutes)}
            />
          </section>

          <section className="card" aria-labelledby="settings-sign-in">
            <h2 id="settings-sign-in" className="card__title">
              Sign-in
            </h2>
            <NumberField
              label="Sign-in port"
              hint={`AniList and MyAnimeList send you back to http://127.0.0.1:${settings.signIn.loopbackPort}/callback after you sign in, and the redirect URI registered with them must match it exactly. If you change the port, change the redirect URI of your own API clients too (shown on the Accounts screen).`}
              min={port.min}
              max={port.max}
              notANumber={`Enter a port number from ${port.min} to ${port.max}.`}
              value={settings.signIn.loopbackPort}
              status={fields['signIn.loopbackPort']}
              onCommit={(value) => void change('signIn.loopbackPort', value)}
            />
          </section>

          <section className="card" aria-labelledby="settings-notifications">
            <h2 id="settings-notifications" className="card__title">
              Notifications
            </h2>
            <ToggleField
              label="Show desktop notifications"
              hint="Sync results, errors, and sign-ins that are about to expire."
              checked={settings.notifications.enabled}
              status={fields['notifications.enabled']}
              onChange={(enabled) => void change('notifications.enabled', enabled)}
            />
          </section>

          <section className="card" aria-labelledby="settings-desktop">
            <h2 id="settings-desktop" className="card__title">
              Desktop app
            </h2>
            <ToggleField
              label="Close to tray"
              hint={
                host === 'electron'
                  ? 'Closing the window keeps Kizuna running in the tray, so scheduled syncs go on.'
                  : 'Only the desktop app has a tray. The setting is kept here and used when you run the desktop app.'
              }
              checked={settings.desktop.closeToTray}
              status={fields['desktop.closeToTray']}
              onChange={(closeToTray) => void change('desktop.closeToTray', closeToTray)}
            />
          </section>
        </div>
      )}
    </ScreenFrame>
  );
}
