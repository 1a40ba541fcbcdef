import { useStore } from 'zustand';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useStores } from '../../state/stores-context';

const titles = { run: 'Send these changes?', undo: 'Undo these changes?', restore: 'Restore this list?' } as const;
const actions = { run: 'Send anyway', undo: 'Undo anyway', restore: 'Restore anyway' } as const;

/**
 * A guard stopped a run, an undo or a restore (removals, lowered progress, a large part of a list): nothing
 * was sent. Says what would happen, list by list, and repeats the same operation confirmed if asked to.
 */
export function GuardConfirmation() {
  const { sync } = useStores();
  const waiting = useStore(sync, (state) => state.awaitingConfirmation);
  if (!waiting) return null;
  return (
    <ConfirmDialog
      title={titles[waiting.kind]}
      confirmLabel={actions[waiting.kind]}
      cancelLabel="Cancel"
      onConfirm={() => void waiting.repeat()}
      onDismiss={() => sync.getState().cancelConfirmation()}
    >
      <p>Nothing has been sent yet. Kizuna stopped because:</p>
      <ul className="guard-list">
        {waiting.result.guard.reasons.map((reason) => (
          <li key={`${reason.accountId}|${reason.kind}|${reason.reason}`}>{reason.message}</li>
        ))}
      </ul>
      <p className="muted">Every change is journaled: you can undo it from the History screen afterwards.</p>
    </ConfirmDialog>
  );
}
