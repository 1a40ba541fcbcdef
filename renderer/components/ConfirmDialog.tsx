import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void;
  onDismiss(): void;
}

/**
 * A native modal <dialog>: the browser traps focus inside, Escape dismisses it, and focus goes back to the
 * control that opened it. Rendered only while open; mounting it opens it. The safe choice has focus first.
 */
export function ConfirmDialog({ title, children, confirmLabel, cancelLabel, onConfirm, onDismiss }: Props) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const dismiss = useRef(onDismiss);
  useEffect(() => {
    dismiss.current = onDismiss;
  });

  // Closes the person asked for: Escape (a 'cancel' event first) or the cancel button. Chromium may also close
  // a modal dialog on its own (seen in Chromium 156 about a second after opening, with no key or click); such a
  // close is not an answer, so the dialog opens again instead of silently dropping the question.
  const asked = useRef(false);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (!element.open) element.showModal();
    const onCancel = () => {
      asked.current = true;
    };
    const onClose = () => {
      if (asked.current || !element.isConnected) return dismiss.current();
      element.showModal();
    };
    element.addEventListener('cancel', onCancel);
    element.addEventListener('close', onClose);
    return () => {
      element.removeEventListener('cancel', onCancel);
      element.removeEventListener('close', onClose);
      if (element.open) element.close();
    };
  }, []);

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`}>
      <h2 id={`${id}-title`} className="dialog__title">
        {title}
      </h2>
      <div id={`${id}-body`} className="dialog__body">
        {children}
      </div>
      <div className="dialog__actions">
        <button
          type="button"
          className="button"
          autoFocus
          onClick={() => {
            asked.current = true;
            dialog.current?.close();
          }}
        >
          {cancelLabel}
        </button>
        <button type="button" className="button button--danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
