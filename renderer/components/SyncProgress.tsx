import { useStore } from 'zustand';
import { useStores } from '../state/stores-context';

const phaseLabels = { reading: 'Reading your lists', planning: 'Working out the changes', writing: 'Sending changes', finished: 'Finished' } as const;

/**
 * The live state of a sync, preview, undo or restore: a real progress bar while writes go out (done of
 * total, with the current title), an indeterminate one while lists are read. Announced politely, so a
 * screen reader hears the phase change without being interrupted on every title.
 */
export function SyncProgress() {
  const { sync } = useStores();
  const activity = useStore(sync, (state) => state.activity);
  const progress = useStore(sync, (state) => state.progress);
  if (activity === 'idle' && !progress) return null;
  const phase = progress ? phaseLabels[progress.phase] : activity === 'previewing' ? 'Reading your lists' : 'Starting';
  const determinate = progress !== null && progress.phase === 'writing' && progress.total > 0;
  return (
    <div className="sync-progress" role="status" aria-live="polite">
      <div className="sync-progress__line">
        <span className="sync-progress__phase">{phase}…</span>
        {determinate && (
          <span className="sync-progress__count">
            {progress.done} of {progress.total}
          </span>
        )}
      </div>
      {determinate ? (
        <progress className="sync-progress__bar" max={progress.total} value={progress.done} aria-label={`${phase}: ${progress.done} of ${progress.total}`} />
      ) : (
        <progress className="sync-progress__bar" aria-label={phase} />
      )}
      {progress?.current && <p className="sync-progress__current muted">{progress.current}</p>}
    </div>
  );
}
