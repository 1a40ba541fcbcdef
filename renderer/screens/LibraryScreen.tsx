import { useEffect } from 'react';
import { useStore } from 'zustand';
import { ScreenFrame } from '../components/ScreenFrame';
import { screenHash } from '../state/router';
import { useStores } from '../state/stores-context';
import { LibraryRows } from './library/LibraryRows';
import { LibraryToolbar } from './library/LibraryToolbar';

export function LibraryScreen() {
  const { library } = useStores();
  const { status, titles, error } = useStore(library);
  useEffect(() => {
    void library.getState().load();
  }, [library]);
  return (
    <ScreenFrame title="Library" description="Every title you track, once, with each service's state side by side. +1 and status changes go to every list holding the title.">
      {status === 'failed' && (
        <div className="inline-error">
          <p>Could not read the library: {error}</p>
          <button type="button" className="button" onClick={() => void library.getState().load()}>
            Try again
          </button>
        </div>
      )}
      {status === 'ready' && titles.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">Your library is empty</p>
          <p className="muted">
            It fills from your lists the first time Kizuna reads them: <a href={screenHash('history')}>preview a sync</a> or sync from the Dashboard.
          </p>
        </div>
      ) : (
        <>
          <LibraryToolbar />
          <LibraryRows />
        </>
      )}
    </ScreenFrame>
  );
}
