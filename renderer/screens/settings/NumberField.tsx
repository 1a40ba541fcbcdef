import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { FieldStatus } from '../../state/settings-store';
import { SaveStatus } from './SaveStatus';

interface Props {
  /** The visible label and the spinbutton's accessible name. */
  label: string;
  hint: string;
  min: number;
  max: number;
  /** Said when the text is not a number at all, e.g. "Enter a number of minutes from 15 to 1440." */
  notANumber: string;
  value: number;
  status: FieldStatus | undefined;
  onCommit(value: number): void;
}

/**
 * Saved on Enter or when focus leaves, not per keystroke: typing "120" must not first save "1" and "12".
 * Range checks are the server's job (its validation message is shown inline); only text that is not a
 * number at all is caught here, since there is nothing meaningful to send.
 */
export function NumberField({ label, hint, min, max, notANumber, value, status, onCommit }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(String(value));
  const [localError, setLocalError] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<string | null>(null);

  const serverError = status?.state === 'invalid' && draft === submitted ? status.message : null;
  const error = localError ?? serverError;

  // Follow changes made elsewhere (another window, the CLI) unless the person is mid-edit or looking at an error.
  useEffect(() => {
    if (document.activeElement !== input.current && !error) setDraft(String(value));
  }, [value, error]);

  function commit(): void {
    const text = draft.trim();
    // Already refused, and the reason is on screen; sending it again would only repeat it.
    if (serverError || text === String(value)) return;
    if (text === '' || !Number.isFinite(Number(text))) {
      setLocalError(notANumber);
      return;
    }
    setSubmitted(draft);
    onCommit(Number(text));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Enter') commit();
  }

  return (
    <div className="field field--inline">
      <div className="field__text">
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
        {error && (
          <p className="field__error" id={`${id}-error`}>
            {error}
          </p>
        )}
      </div>
      <div className="field__control">
        <SaveStatus status={status?.state === 'invalid' ? undefined : status} />
        <input
          ref={input}
          id={id}
          className="text-input text-input--number"
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          value={draft}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}
          onChange={(event) => {
            setDraft(event.currentTarget.value);
            setLocalError(null);
          }}
          onBlur={commit}
          onKeyDown={onKeyDown}
        />
      </div>
    </div>
  );
}
