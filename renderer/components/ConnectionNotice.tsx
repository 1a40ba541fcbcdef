import { useStore } from 'zustand';
import { useStores } from '../state/stores-context';

/**
 * Quiet by design: a dropped event stream is usually a laptop waking up or `kizuna serve` restarting, and
 * EventSource reconnects by itself. Only a stream the browser has given up on asks the user to act.
 */
export function ConnectionNotice() {
  const { connection } = useStores();
  const state = useStore(connection, (s) => s.state);

  let text = '';
  if (state === 'reconnecting') text = 'Reconnecting to Kizuna…';
  if (state === 'closed') text = 'Live updates stopped. Reload the page to see changes made elsewhere.';

  return (
    <div className="connection-notice" role="status">
      {text && (
        <p className={`connection-notice__text connection-notice__text--${state}`}>
          <span className="connection-notice__dot" aria-hidden="true" />
          {text}
        </p>
      )}
    </div>
  );
}
