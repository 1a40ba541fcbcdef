import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Changing this (the current screen) clears a caught error, so leaving a broken screen just works. */
  resetKey: string;
  onReload?: () => void;
}

interface State {
  error: Error | null;
  resetKey: string;
}

/** Keeps one broken screen from blanking the whole window; the sidebar stays usable around it. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('A screen failed to render', error, info.componentStack);
  }

  private readonly reload = (): void => {
    if (this.props.onReload) this.props.onReload();
    else window.location.reload();
  };

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="card error-fallback" role="alert">
        <h1 className="error-fallback__title">This screen ran into a problem</h1>
        <p>
          Nothing you saved is lost. Reload to try again, or pick another screen from the sidebar. If it keeps
          happening, please report it with the message below.
        </p>
        <p className="error-fallback__detail">
          <code>{error.message || error.name}</code>
        </p>
        <button type="button" className="button button--primary" onClick={this.reload}>
          Reload
        </button>
      </div>
    );
  }
}
