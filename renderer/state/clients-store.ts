import { createStore, type StoreApi } from 'zustand/vanilla';
import { RpcFailure, type Client, type Service, type ServiceClient } from '../../shared/contract';
import { errorMessage } from './error-message';

export interface ClientFormState {
  pending: 'save' | 'reset' | 'remove-secret' | null;
  /** For the whole form; per-field problems are in fieldErrors. */
  error: string | null;
  fieldErrors: { clientId?: string; clientSecret?: string };
  /** Said in the form's live region after a change took. */
  done: string | null;
}

export interface ClientsState {
  status: 'loading' | 'ready' | 'failed';
  value: ServiceClient[] | null;
  error: string | null;
  forms: Partial<Record<Service, ClientFormState>>;
  reload(): Promise<void>;
  /**
   * clientSecret: undefined keeps the stored secret, null removes it, a string replaces it. The secret goes to
   * the core and nowhere else: it is never kept in this store.
   */
  save(service: Service, clientId: string, clientSecret: string | null | undefined): Promise<boolean>;
  reset(service: Service): Promise<boolean>;
}

export type ClientsStore = StoreApi<ClientsState>;

export function findClient(list: ServiceClient[] | null, service: Service): ServiceClient | null {
  return list?.find((c) => c.service === service) ?? null;
}

/** The API clients (own or built-in) each sign-in uses, and the forms that change them. */
export function createClientsStore(client: Client, showError: (message: string) => void): ClientsStore {
  let latest = 0;
  return createStore<ClientsState>()((set, get) => {
    function setForm(service: Service, form: ClientFormState): void {
      set({ forms: { ...get().forms, [service]: form } });
    }

    function replace(updated: ServiceClient): void {
      const list = get().value ?? [];
      const next = list.some((c) => c.service === updated.service)
        ? list.map((c) => (c.service === updated.service ? updated : c))
        : [...list, updated];
      set({ value: next });
    }

    function failed(service: Service, error: unknown): void {
      const fieldErrors: ClientFormState['fieldErrors'] = {};
      let message: string | null = errorMessage(error);
      if (error instanceof RpcFailure && error.error.code === 'validation') {
        for (const issue of error.error.issues ?? []) {
          if (issue.path === 'clientId' || issue.path === 'clientSecret') fieldErrors[issue.path] ??= issue.message;
        }
        if (fieldErrors.clientId || fieldErrors.clientSecret) message = null;
      }
      setForm(service, { pending: null, error: message, fieldErrors, done: null });
    }

    return {
      status: 'loading',
      value: null,
      error: null,
      forms: {},

      async reload() {
        const request = ++latest;
        set((state) => ({ status: state.value === null ? 'loading' : state.status }));
        try {
          const value = await client.call('clients.list');
          if (request === latest) set({ status: 'ready', value, error: null });
        } catch (error) {
          if (request !== latest) return;
          const message = errorMessage(error);
          set({ status: get().value ? 'ready' : 'failed', error: message });
          showError(message);
        }
      },

      async save(service, clientId, clientSecret) {
        const pending = clientSecret === null ? 'remove-secret' : 'save';
        setForm(service, { pending, error: null, fieldErrors: {}, done: null });
        try {
          const input = clientSecret === undefined ? { service, clientId } : { service, clientId, clientSecret };
          const updated = await client.call('clients.set', input);
          replace(updated);
          setForm(service, {
            pending: null,
            error: null,
            fieldErrors: {},
            done: pending === 'remove-secret' ? 'Client secret removed.' : 'API client saved.',
          });
          return true;
        } catch (error) {
          failed(service, error);
          return false;
        }
      },

      async reset(service) {
        setForm(service, { pending: 'reset', error: null, fieldErrors: {}, done: null });
        try {
          const updated = await client.call('clients.reset', { service });
          replace(updated);
          const done = updated.source === 'built-in' ? 'Using the built-in API client.' : 'Your API client was removed.';
          setForm(service, { pending: null, error: null, fieldErrors: {}, done });
          return true;
        } catch (error) {
          failed(service, error);
          return false;
        }
      },
    };
  });
}
