import type { ReactNode } from 'react';

interface Props {
  title: string;
  description: string;
  children: ReactNode;
}

/**
 * The heading is focusable (not tabbable) so the shell can move focus to it after navigation and screen
 * readers announce the new screen instead of staying on the link that was clicked.
 */
export function ScreenFrame({ title, description, children }: Props) {
  return (
    <div className="screen">
      <header className="screen__header">
        <h1 className="screen__title" tabIndex={-1}>
          {title}
        </h1>
        <p className="screen__description">{description}</p>
      </header>
      <div className="screen__body">{children}</div>
    </div>
  );
}
