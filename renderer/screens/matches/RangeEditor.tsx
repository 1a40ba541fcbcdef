import { useId, useState } from 'react';
import type { ReviewItem } from '../../../shared/contract/matching';
import { checkRange, describeRange, type RangeDraft } from './range-preview';

interface Props {
  item: ReviewItem;
  candidateTitle: string;
  onSave(range: { start: number; end: number | null }): void;
  onCancel(): void;
}

/**
 * For a Plex season that holds more than one AniList entry (split cours): which of its episodes belong to
 * the chosen entry. The preview says what the range means and what progress a watched episode would give.
 */
export function RangeEditor({ item, candidateTitle, onSave, onCancel }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<RangeDraft>({ start: '1', end: '' });
  const [watched, setWatched] = useState('');
  const check = checkRange(draft);
  const watchedThrough = watched.trim() === '' || !Number.isInteger(Number(watched)) ? null : Number(watched);
  const preview = check.ok ? describeRange(check.range, item.season, watchedThrough) : null;
  return (
    <form
      className="range-editor"
      aria-label={`Episodes of ${item.title} for ${candidateTitle}`}
      onSubmit={(event) => {
        event.preventDefault();
        if (check.ok) onSave(check.range);
      }}
    >
      <div className="range-editor__fields">
        <label className="field__label" htmlFor={`${id}-start`}>
          First episode
        </label>
        <input id={`${id}-start`} className="text-input text-input--number" inputMode="numeric" value={draft.start} onChange={(event) => setDraft({ ...draft, start: event.target.value })} />
        <label className="field__label" htmlFor={`${id}-end`}>
          Last episode
        </label>
        <input id={`${id}-end`} className="text-input text-input--number" inputMode="numeric" placeholder="end" value={draft.end} onChange={(event) => setDraft({ ...draft, end: event.target.value })} />
        <label className="field__label" htmlFor={`${id}-watched`}>
          Try: watched through episode
        </label>
        <input id={`${id}-watched`} className="text-input text-input--number" inputMode="numeric" value={watched} onChange={(event) => setWatched(event.target.value)} />
      </div>
      <div className="range-editor__preview" aria-live="polite">
        {check.ok && preview ? (
          <>
            <p>{preview.mapping}</p>
            {preview.progress && <p className="muted">{preview.progress}</p>}
          </>
        ) : (
          <p className="field__error">{!check.ok && check.message}</p>
        )}
      </div>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={!check.ok}>
          Link these episodes
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
