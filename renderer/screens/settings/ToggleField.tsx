import { useId } from 'react';
import type { FieldStatus } from '../../state/settings-store';
import { SaveStatus } from './SaveStatus';

interface Props {
  label: string;
  hint: string;
  checked: boolean;
  disabled?: boolean;
  status: FieldStatus | undefined;
  onChange(checked: boolean): void;
}

/** A native checkbox drawn as a switch: the browser keeps Space, focus and the checkbox role for free. */
export function ToggleField({ label, hint, checked, disabled, status, onChange }: Props) {
  const id = useId();
  return (
    <div className="field field--toggle">
      <div className="field__text">
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      </div>
      <div className="field__control">
        <SaveStatus status={status} />
        <input
          id={id}
          type="checkbox"
          className="switch"
          checked={checked}
          disabled={disabled}
          aria-describedby={`${id}-hint`}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
      </div>
    </div>
  );
}
