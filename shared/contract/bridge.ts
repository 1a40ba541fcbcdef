import type { Result } from './errors';

/**
 * What the preload exposes as `window.kizuna` inside the Electron window: two functions, payloads only.
 * Declared here because both the preload (which builds it) and the renderer (which uses it) may import shared/.
 */
export interface KizunaBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  /** Returns a function that stops listening. */
  on(event: string, listener: (payload: unknown) => void): () => void;
}
