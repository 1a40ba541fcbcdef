import { createStore, type StoreApi } from 'zustand/vanilla';

export type ToastTone = 'error' | 'success' | 'info';

export interface Toast {
  id: number;
  tone: ToastTone;
  message: string;
}

export interface ToastState {
  toasts: Toast[];
  show(message: string, tone?: ToastTone): number;
  dismiss(id: number): void;
  /** Holds a toast on screen while the pointer or focus is on it, so it never vanishes mid-read. */
  hold(id: number): void;
  release(id: number): void;
}

export type ToastStore = StoreApi<ToastState>;

export interface ToastTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Errors stay longer: they usually say what to do next. */
export const toastDurations: Record<ToastTone, number> = { error: 10_000, success: 4_000, info: 6_000 };
const maxVisible = 4;

const defaultTimers: ToastTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

export function createToastStore(timers: ToastTimers = defaultTimers): ToastStore {
  const pending = new Map<number, unknown>();
  let nextId = 1;

  function cancel(id: number): void {
    if (!pending.has(id)) return;
    timers.clearTimeout(pending.get(id));
    pending.delete(id);
  }

  return createStore<ToastState>()((set, get) => {
    function schedule(toast: Toast): void {
      cancel(toast.id);
      pending.set(
        toast.id,
        timers.setTimeout(() => get().dismiss(toast.id), toastDurations[toast.tone]),
      );
    }

    return {
      toasts: [],
      show(message, tone = 'error') {
        // The same failure repeated (a retry loop, a flapping connection) refreshes one toast, not a stack.
        const existing = get().toasts.find((toast) => toast.message === message && toast.tone === tone);
        if (existing) {
          schedule(existing);
          return existing.id;
        }
        const toast: Toast = { id: nextId++, tone, message };
        const kept = get().toasts.slice(-(maxVisible - 1));
        for (const dropped of get().toasts.filter((t) => !kept.includes(t))) cancel(dropped.id);
        set({ toasts: [...kept, toast] });
        schedule(toast);
        return toast.id;
      },
      dismiss(id) {
        cancel(id);
        set({ toasts: get().toasts.filter((toast) => toast.id !== id) });
      },
      hold(id) {
        cancel(id);
      },
      release(id) {
        const toast = get().toasts.find((t) => t.id === id);
        if (toast) schedule(toast);
      },
    };
  });
}
