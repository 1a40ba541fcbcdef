import type { Logger } from '../../app/ports';

/** The part of BrowserWindow that bringing the window forward needs. */
export interface RevealableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/**
 * Brings the one window forward (second instance started, tray "Open", dock click), creating it when it
 * was closed rather than hidden.
 */
export function revealWindow(window: RevealableWindow | null, create: () => void): void {
  if (!window || window.isDestroyed()) {
    create();
    return;
  }
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

export interface CloseDecisionInput {
  closeToTray: boolean;
  /** True once the user chose Quit (tray, menu, Cmd+Q) or the OS is shutting down. */
  quitting: boolean;
  trayAvailable: boolean;
}

/** Closing the window hides it when the user wants Kizuna to keep syncing from the tray. */
export function shouldHideOnClose(input: CloseDecisionInput): boolean {
  return input.closeToTray && input.trayAvailable && !input.quitting;
}

export interface Shutdown {
  /** Registers a step; steps run in reverse order of registration, like a stack of acquired resources. */
  add(name: string, step: () => void): void;
  /** Runs every step once; a failing step is logged and does not stop the others. Safe to call twice. */
  run(): void;
}

export function createShutdown(logger: Logger): Shutdown {
  const steps: Array<{ name: string; step: () => void }> = [];
  let done = false;
  return {
    add(name, step) {
      steps.push({ name, step });
    },
    run() {
      if (done) return;
      done = true;
      for (const { name, step } of steps.reverse()) {
        try {
          step();
        } catch (error) {
          logger.error('shutdown step failed', { step: name, error });
        }
      }
    },
  };
}
