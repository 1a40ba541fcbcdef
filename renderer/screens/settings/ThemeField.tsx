import type { Settings } from '../../../shared/contract';
import type { FieldStatus } from '../../state/settings-store';
import { SaveStatus } from './SaveStatus';

type Theme = Settings['appearance']['theme'];

const options: Array<{ value: Theme; label: string; hint: string }> = [
  { value: 'system', label: 'System', hint: 'Follows your OS' },
  { value: 'light', label: 'Light', hint: 'Always light' },
  { value: 'dark', label: 'Dark', hint: 'Always dark' },
];

interface Props {
  value: Theme;
  status: FieldStatus | undefined;
  onChange(theme: Theme): void;
}

/** Native radios in a fieldset: arrow keys move between them and the group is announced as "Theme". */
export function ThemeField({ value, status, onChange }: Props) {
  return (
    <fieldset className="field field--choice">
      <legend className="field__label">Theme</legend>
      <div className="field__row">
        <div className="segmented">
          {options.map((option) => (
            <label key={option.value} className="segmented__option">
              <input
                type="radio"
                name="theme"
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
              />
              <span className="segmented__label">{option.label}</span>
              <span className="segmented__hint">{option.hint}</span>
            </label>
          ))}
        </div>
        <SaveStatus status={status} />
      </div>
    </fieldset>
  );
}
