import type { EventName, EventPayload } from './events';
import type { RpcError, Result } from './errors';
import type { MethodInput, MethodName, MethodOutput } from './methods';

/** How a UI reaches the core: the preload bridge in Electron, HTTP + SSE in a browser. */
export interface Transport {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  /** Returns a function that stops listening. */
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** A failed call, as thrown by the typed client. */
export class RpcFailure extends Error {
  readonly error: RpcError;
  constructor(method: string, error: RpcError) {
    super(error.message);
    this.name = 'RpcFailure';
    this.error = error;
    this.method = method;
  }
  readonly method: string;
}

export interface Client {
  call<M extends MethodName>(method: M, ...input: undefined extends MethodInput<M> ? [MethodInput<M>?] : [MethodInput<M>]): Promise<MethodOutput<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/**
 * A typed client over any transport. Values are trusted as the contract's types because the core
 * validated them on the way out; the transport itself rejects anything that is not a Result.
 */
export function createClient(transport: Transport): Client {
  return {
    async call(method, ...[input]) {
      const result = await transport.invoke(method, input ?? {});
      if (!result.ok) throw new RpcFailure(method, result.error);
      return result.value as never;
    },
    on(event, listener) {
      return transport.on(event, (payload) => listener(payload as never));
    },
  };
}
