import { RpcFailure } from '../../shared/contract';

/** The sentence to show a person for anything a call or a component threw. */
export function errorMessage(error: unknown): string {
  if (error instanceof RpcFailure) return error.error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Try again; if it keeps happening, restart Kizuna.';
}
