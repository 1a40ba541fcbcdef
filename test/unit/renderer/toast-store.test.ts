import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createToastStore, toastDurations } from '../../../renderer/state/toast-store';

describe('toast store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows a toast and hides it after its tone\'s duration', () => {
    const store = createToastStore();
    store.getState().show('Could not reach the server.');
    expect(store.getState().toasts).toMatchObject([{ tone: 'error', message: 'Could not reach the server.' }]);
    vi.advanceTimersByTime(toastDurations.error - 1);
    expect(store.getState().toasts).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(store.getState().toasts).toHaveLength(0);
  });

  it('dismisses on request', () => {
    const store = createToastStore();
    const id = store.getState().show('x', 'info');
    store.getState().dismiss(id);
    expect(store.getState().toasts).toEqual([]);
  });

  it('refreshes one toast for a repeated message instead of stacking copies', () => {
    const store = createToastStore();
    const first = store.getState().show('Offline');
    vi.advanceTimersByTime(toastDurations.error - 100);
    const second = store.getState().show('Offline');
    expect(second).toBe(first);
    expect(store.getState().toasts).toHaveLength(1);
    vi.advanceTimersByTime(200);
    expect(store.getState().toasts).toHaveLength(1);
  });

  it('holds a toast while it is hovered or focused, then hides it after a fresh full duration', () => {
    const store = createToastStore();
    const id = store.getState().show('Read me', 'success');
    store.getState().hold(id);
    vi.advanceTimersByTime(toastDurations.success * 3);
    expect(store.getState().toasts).toHaveLength(1);
    store.getState().release(id);
    vi.advanceTimersByTime(toastDurations.success);
    expect(store.getState().toasts).toHaveLength(0);
  });

  it('keeps at most four, dropping the oldest', () => {
    const store = createToastStore();
    for (const n of [1, 2, 3, 4, 5]) store.getState().show(`message ${n}`);
    expect(store.getState().toasts.map((t) => t.message)).toEqual(['message 2', 'message 3', 'message 4', 'message 5']);
  });
});
