import { useStore } from 'zustand';
import { useStores } from '../state/stores-context';
import { CloseIcon } from './Icons';

const toneLabels = { error: 'Error', success: 'Done', info: 'Note' } as const;

/**
 * Always rendered, even when empty: screen readers only announce additions to a live region that already
 * existed. Hovering or focusing a toast holds it so it cannot disappear while being read.
 */
export function ToastRegion() {
  const { toasts: store } = useStores();
  const toasts = useStore(store, (s) => s.toasts);
  const { dismiss, hold, release } = store.getState();

  return (
    <div className="toast-region" role="status" aria-live="polite" aria-label="Notifications">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={`toast toast--${toast.tone}`}
          onMouseEnter={() => hold(toast.id)}
          onMouseLeave={() => release(toast.id)}
          onFocus={() => hold(toast.id)}
          onBlur={() => release(toast.id)}
        >
          <p className="toast__message">
            <span className="visually-hidden">{toneLabels[toast.tone]}: </span>
            {toast.message}
          </p>
          <button type="button" className="icon-button toast__close" aria-label="Dismiss notification" onClick={() => dismiss(toast.id)}>
            <CloseIcon />
          </button>
        </div>
      ))}
    </div>
  );
}
