import type { AppUrlCheck } from './app-url';

/** What an ipcMain.handle event tells us about who is calling. */
export interface IpcSenderEvent {
  sender: unknown;
  senderFrame: { url: string; parent: unknown } | null;
}

export interface SenderCheckOptions {
  /** The webContents of windows we created and loaded ourselves. */
  isOurWebContents: (sender: unknown) => boolean;
  isAppUrl: AppUrlCheck;
}

export type SenderCheck = (event: IpcSenderEvent) => boolean;

/**
 * Only the top frame of our own window, showing our own page, may call the core. A frame that navigated
 * away, an iframe (even one we somehow allowed), or another webContents is refused
 * (https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages).
 */
export function createSenderCheck(options: SenderCheckOptions): SenderCheck {
  return (event) => {
    if (!options.isOurWebContents(event.sender)) return false;
    const frame = event.senderFrame;
    // null when the frame has navigated or been destroyed since it sent the message.
    if (!frame || frame.parent !== null) return false;
    return options.isAppUrl(frame.url);
  };
}
