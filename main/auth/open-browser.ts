/**
 * How a sign-in flow shows a page to the person: always the system browser, never an embedded window
 * (RFC 8252 §§4, 8.12; API-NOTES §5). The Electron host implements this with `shell.openExternal`; the CLI
 * tries the platform's opener and answers false on a server without one, and the flow then reports the URL
 * through its prompt callback and keeps waiting or polling.
 */
export interface BrowserOpener {
  /** Resolves true when a browser was asked to open `url`, false when none can be opened here. Never throws. */
  open(url: string): Promise<boolean>;
}
