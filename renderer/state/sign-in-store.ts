import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  RpcFailure,
  type Account,
  type AuthFinishedEvent,
  type Client,
  type ConnectInput,
  type ConnectWithTokenInput,
  type Service,
  type SignInPromptView,
} from '../../shared/contract';
import { errorMessage } from './error-message';
import { serviceLabels, services } from './service-labels';
import type { ToastTone } from './toast-store';

export type AniListMethod = 'implicit' | 'code' | 'pin';

/** One sign-in this window started, from the click until auth.finished. */
export interface Attempt {
  /** null until accounts.connect answers; events can arrive before that and are held until it does. */
  attemptId: string | null;
  method: AniListMethod | null;
  prompt: SignInPromptView | null;
  /** Cancel was pressed; the attempt ends when auth.finished says so. */
  cancelling: boolean;
}

/** The last thing that happened to a service, said in its live region. */
export interface Notice {
  tone: 'success' | 'error' | 'info';
  message: string;
}

/** A form that calls accounts.connectWithToken (AniList's pasted token, Plex's server address and token). */
export interface TokenFormState {
  pending: boolean;
  /** For the whole form; field problems are in fieldErrors, keyed by the input's field name. */
  error: string | null;
  fieldErrors: Record<string, string>;
}

export interface DisconnectState {
  pending: boolean;
  error: string | null;
}

export interface SignInState {
  attempts: Partial<Record<Service, Attempt>>;
  notices: Partial<Record<Service, Notice>>;
  tokenForms: Partial<Record<Service, TokenFormState>>;
  disconnects: Record<string, DisconnectState>;
  /** Starts a sign-in; ignored while one for the same service is under way. */
  connect(input: ConnectInput): Promise<void>;
  cancel(service: Service): Promise<void>;
  /** Resolves to the account, or null when it failed (the reason is in tokenForms). */
  connectWithToken(input: ConnectWithTokenInput): Promise<Account | null>;
  /** Resolves to whether the account is gone. */
  disconnect(account: Account): Promise<boolean>;
  clearNotice(service: Service): void;
  /** The auth.prompt and auth.finished events. */
  applyPrompt(event: { attemptId: string; service: Service; prompt: SignInPromptView }): void;
  applyFinished(event: AuthFinishedEvent): void;
}

export type SignInStore = StoreApi<SignInState>;

export interface SignInStoreOptions {
  client: Client;
  notify(message: string, tone: ToastTone): void;
  /** Re-read the accounts list (a finished sign-in or a disconnect changed it). */
  accountsChanged(): void;
}

type HeldEvent = { kind: 'prompt'; prompt: SignInPromptView } | { kind: 'finished'; event: AuthFinishedEvent };

/** Events for attempts this window does not know (yet), kept for the few that beat accounts.connect's answer. */
const heldLimit = 32;

export function createSignInStore({ client, notify, accountsChanged }: SignInStoreOptions): SignInStore {
  const held = new Map<string, HeldEvent[]>();

  function hold(attemptId: string, event: HeldEvent): void {
    const list = held.get(attemptId) ?? [];
    list.push(event);
    held.set(attemptId, list);
    // Attempts started by other windows are never claimed; drop the oldest so this cannot grow forever.
    while (held.size > heldLimit) {
      const oldest = held.keys().next().value;
      if (oldest === undefined) break;
      held.delete(oldest);
    }
  }

  return createStore<SignInState>()((set, get) => {
    function ownerOf(attemptId: string): Service | null {
      for (const service of services) if (get().attempts[service]?.attemptId === attemptId) return service;
      return null;
    }

    function setAttempt(service: Service, attempt: Attempt | null): void {
      const attempts = { ...get().attempts };
      if (attempt) attempts[service] = attempt;
      else delete attempts[service];
      set({ attempts });
    }

    function setNotice(service: Service, notice: Notice | null): void {
      const notices = { ...get().notices };
      if (notice) notices[service] = notice;
      else delete notices[service];
      set({ notices });
    }

    function setTokenForm(service: Service, form: TokenFormState): void {
      set({ tokenForms: { ...get().tokenForms, [service]: form } });
    }

    function setDisconnect(accountId: string, state: DisconnectState | null): void {
      const disconnects = { ...get().disconnects };
      if (state) disconnects[accountId] = state;
      else delete disconnects[accountId];
      set({ disconnects });
    }

    async function sendCancel(service: Service, attemptId: string): Promise<void> {
      try {
        const { cancelled } = await client.call('accounts.cancel', { attemptId });
        // false: the core no longer knows the attempt, so no auth.finished is coming (it may have been missed
        // while the event stream was down). Let go of it here rather than wait forever.
        if (!cancelled && get().attempts[service]?.attemptId === attemptId) {
          setAttempt(service, null);
          setNotice(service, { tone: 'info', message: `The ${serviceLabels[service]} sign-in had already ended.` });
          accountsChanged();
        }
      } catch (error) {
        const attempt = get().attempts[service];
        if (attempt?.attemptId === attemptId) setAttempt(service, { ...attempt, cancelling: false });
        setNotice(service, { tone: 'error', message: errorMessage(error) });
      }
    }

    return {
      attempts: {},
      notices: {},
      tokenForms: {},
      disconnects: {},

      async connect(input) {
        const { service } = input;
        if (get().attempts[service]) return;
        const method = input.service === 'anilist' ? (input.method ?? 'implicit') : null;
        setAttempt(service, { attemptId: null, method, prompt: null, cancelling: false });
        setNotice(service, null);
        let attemptId: string;
        try {
          ({ attemptId } = await client.call('accounts.connect', input));
        } catch (error) {
          setAttempt(service, null);
          setNotice(service, { tone: 'error', message: errorMessage(error) });
          return;
        }
        const attempt = get().attempts[service];
        if (!attempt) return;
        setAttempt(service, { ...attempt, attemptId });
        for (const event of held.get(attemptId) ?? []) {
          if (event.kind === 'prompt') get().applyPrompt({ attemptId, service, prompt: event.prompt });
          else get().applyFinished(event.event);
        }
        held.delete(attemptId);
        // Cancel was pressed before the attempt had an ID to cancel by.
        if (attempt.cancelling && get().attempts[service]?.attemptId === attemptId) await sendCancel(service, attemptId);
      },

      async cancel(service) {
        const attempt = get().attempts[service];
        if (!attempt || attempt.cancelling) return;
        setAttempt(service, { ...attempt, cancelling: true });
        if (attempt.attemptId) await sendCancel(service, attempt.attemptId);
      },

      async connectWithToken(input) {
        const { service } = input;
        setTokenForm(service, { pending: true, error: null, fieldErrors: {} });
        try {
          const account = await client.call('accounts.connectWithToken', input);
          setTokenForm(service, { pending: false, error: null, fieldErrors: {} });
          // The pasted token completes the attempt that opened AniList's pin page; the core ends it as connected.
          setAttempt(service, null);
          const message = `Connected ${serviceLabels[service]} as ${account.userName}.`;
          setNotice(service, { tone: 'success', message });
          notify(message, 'success');
          accountsChanged();
          return account;
        } catch (error) {
          const fieldErrors: Record<string, string> = {};
          let message: string | null = errorMessage(error);
          if (error instanceof RpcFailure && error.error.code === 'validation' && error.error.issues?.length) {
            for (const issue of error.error.issues) if (issue.path && !fieldErrors[issue.path]) fieldErrors[issue.path] = issue.message;
            if (Object.keys(fieldErrors).length > 0) message = null;
          }
          setTokenForm(service, { pending: false, error: message, fieldErrors });
          return null;
        }
      },

      async disconnect(account) {
        if (get().disconnects[account.id]?.pending) return false;
        setDisconnect(account.id, { pending: true, error: null });
        try {
          const result = await client.call('accounts.disconnect', { accountId: account.id });
          setDisconnect(account.id, null);
          // false: the service could not be reached to revoke, though the sign-in is forgotten here anyway.
          const tone = result.revoked === false ? 'info' : 'success';
          setNotice(account.service, { tone, message: result.message });
          notify(result.message, tone);
          accountsChanged();
          return true;
        } catch (error) {
          setDisconnect(account.id, { pending: false, error: errorMessage(error) });
          return false;
        }
      },

      clearNotice(service) {
        setNotice(service, null);
      },

      applyPrompt({ attemptId, service, prompt }) {
        const owner = ownerOf(attemptId);
        if (owner !== service) {
          hold(attemptId, { kind: 'prompt', prompt });
          return;
        }
        const attempt = get().attempts[owner];
        if (attempt) setAttempt(owner, { ...attempt, prompt });
      },

      applyFinished(event) {
        const owner = ownerOf(event.attemptId);
        if (owner !== event.service) {
          hold(event.attemptId, { kind: 'finished', event });
          return;
        }
        setAttempt(owner, null);
        const label = serviceLabels[owner];
        if (event.outcome === 'connected') {
          const message = event.account ? `Connected ${label} as ${event.account.userName}.` : `Connected ${label}.`;
          setNotice(owner, { tone: 'success', message });
          notify(message, 'success');
          accountsChanged();
        } else if (event.outcome === 'failed') {
          setNotice(owner, { tone: 'error', message: event.error?.message ?? `Signing in to ${label} failed. Try again.` });
        } else {
          setNotice(owner, { tone: 'info', message: `${label} sign-in cancelled.` });
        }
      },
    };
  });
}
