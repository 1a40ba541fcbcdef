import { useId, useRef, useState } from 'react';
import { CopyIcon } from './Icons';

interface Props {
  /** The visible label, also the input's accessible name. */
  label: string;
  value: string;
  /** The copy button's accessible name, e.g. "Copy AniList redirect URI". */
  copyLabel: string;
  /** Larger monospace text, for a code someone types on another device. */
  large?: boolean;
}

/**
 * A value to copy exactly (a redirect URI, a device code): a read-only input so it can also be selected by
 * hand, and a Copy button. The clipboard API only exists in secure contexts, so a page served over plain
 * HTTP on a LAN address selects the text instead and says how to copy it.
 */
export function CopyField({ label, value, copyLabel, large }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');

  async function copy(): Promise<void> {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      setStatus('Copied.');
    } catch {
      input.current?.focus();
      input.current?.select();
      setStatus('Selected: press Ctrl+C (⌘C on a Mac) to copy.');
    }
  }

  return (
    <div className={`copy-field${large ? ' copy-field--large' : ''}`}>
      <label className="copy-field__label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-field__row">
        <input
          ref={input}
          id={id}
          className="text-input copy-field__value"
          readOnly
          value={value}
          spellCheck={false}
          size={Math.max(8, Math.min(value.length + 2, 60))}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button" aria-label={copyLabel} onClick={() => void copy()}>
          <CopyIcon />
          Copy
        </button>
        <span className="copy-field__status" aria-live="polite">
          {status}
        </span>
      </div>
    </div>
  );
}
