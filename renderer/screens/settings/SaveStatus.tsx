import { CheckIcon } from '../../components/Icons';
import type { FieldStatus } from '../../state/settings-store';

/**
 * A small per-control live region: "Saving…" then "Saved" confirm that a change took without a dialog.
 * Validation and failures are reported elsewhere (inline message, toast), so they show nothing here.
 */
export function SaveStatus({ status, id }: { status: FieldStatus | undefined; id?: string }) {
  return (
    <span className="save-status" id={id} aria-live="polite">
      {status?.state === 'saving' && <span className="save-status__saving">Saving…</span>}
      {status?.state === 'saved' && (
        <span className="save-status__saved">
          <CheckIcon />
          Saved
        </span>
      )}
      {status?.state === 'failed' && <span className="save-status__failed">Not saved</span>}
    </span>
  );
}
