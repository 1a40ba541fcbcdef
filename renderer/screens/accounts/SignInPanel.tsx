import { CopyField } from '../../components/CopyField';
import { ExternalIcon } from '../../components/Icons';
import type { Service } from '../../../shared/contract';
import { serviceLabels } from '../../state/service-labels';
import type { Attempt } from '../../state/sign-in-store';
import { formatTime } from './format';

/** The words for the live region: what the sign-in is waiting for, without the links and buttons. */
export function attemptStatus(service: Service, attempt: Attempt): { lead: string; message: string | null } {
  const label = serviceLabels[service];
  const prompt = attempt.prompt;
  if (attempt.cancelling) return { lead: `Cancelling the ${label} sign-in…`, message: null };
  if (!prompt) return { lead: `Starting the ${label} sign-in…`, message: null };
  if (prompt.kind === 'open-url') {
    return prompt.browserOpened
      ? { lead: 'Continue in your browser.', message: prompt.message }
      : { lead: `Open the ${label} sign-in page to continue.`, message: prompt.message };
  }
  if (prompt.kind === 'device-code') return { lead: `Enter the code on ${label}.`, message: prompt.message };
  return { lead: `Signing in to ${label}…`, message: prompt.message };
}

interface Props {
  service: Service;
  attempt: Attempt;
  onCancel(): void;
}

/** The actions for a sign-in under way: the page to open or the code to enter, and Cancel. */
export function SignInPanel({ service, attempt, onCancel }: Props) {
  const label = serviceLabels[service];
  const prompt = attempt.prompt;

  return (
    <div className="sign-in-panel">
      {prompt?.kind === 'open-url' &&
        (prompt.browserOpened ? (
          <p className="sign-in-panel__fallback">
            No browser window?{' '}
            <a href={prompt.url} target="_blank" rel="noopener noreferrer">
              Open the {label} sign-in page
            </a>
          </p>
        ) : (
          <a className="button button--primary button--large" href={prompt.url} target="_blank" rel="noopener noreferrer">
            Open the {label} sign-in page
            <ExternalIcon />
          </a>
        ))}
      {prompt?.kind === 'device-code' && (
        <div className="device-code">
          <CopyField label={`${label} code`} value={prompt.userCode} copyLabel={`Copy ${label} code`} large />
          <p>
            Enter it at{' '}
            <a href={prompt.verificationUrl} target="_blank" rel="noopener noreferrer">
              {prompt.verificationUrl}
            </a>
            . The code expires at <time dateTime={prompt.expiresAt}>{formatTime(prompt.expiresAt)}</time>.
          </p>
        </div>
      )}
      <div className="sign-in-panel__actions">
        <span className="spinner" aria-hidden="true" />
        <button type="button" className="button" disabled={attempt.cancelling} onClick={onCancel}>
          Cancel {label} sign-in
        </button>
      </div>
    </div>
  );
}
