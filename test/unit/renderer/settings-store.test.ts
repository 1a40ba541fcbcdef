import { describe, expect, it, vi } from 'vitest';
import { createSettingsStore } from '../../../renderer/state/settings-store';
import { applySettingsPatch, createClient, defaultSettings, type Result, type Settings, type SettingsPatch } from '../../../shared/contract';
import { FakeTransport, flush } from './fakes';

function setup(update?: (patch: SettingsPatch) => Result<unknown> | Promise<Result<unknown>>) {
  let saved: Settings = defaultSettings;
  const transport = new FakeTransport({
    'settings.get': () => ({ ok: true, value: saved }),
    'settings.update': (input) => {
      if (update) return update(input as SettingsPatch);
      saved = applySettingsPatch(saved, input as SettingsPatch);
      return { ok: true, value: saved };
    },
  });
  const showError = vi.fn<(message: string) => void>();
  const store = createSettingsStore(createClient(transport), showError);
  return { store, transport, showError };
}

describe('settings store', () => {
  it('loads settings via settings.get', async () => {
    const { store } = setup();
    expect(store.getState().status).toBe('loading');
    await store.getState().load();
    expect(store.getState()).toMatchObject({ status: 'ready', settings: defaultSettings });
  });

  it('reports a failed load inline and as a toast', async () => {
    const transport = new FakeTransport({});
    const showError = vi.fn();
    const store = createSettingsStore(createClient(transport), showError);
    await store.getState().load();
    expect(store.getState()).toMatchObject({ status: 'failed', loadError: 'no settings.get' });
    expect(showError).toHaveBeenCalledWith('no settings.get');
  });

  it('sends only the changed field and marks it saved', async () => {
    const { store, transport } = setup();
    await store.getState().load();
    await store.getState().change('schedule.intervalMinutes', 120);
    expect(transport.calls.at(-1)).toEqual({ method: 'settings.update', input: { schedule: { intervalMinutes: 120 } } });
    expect(store.getState().settings?.schedule.intervalMinutes).toBe(120);
    expect(store.getState().fields['schedule.intervalMinutes']).toEqual({ state: 'saved' });
  });

  it('shows the new value at once, before the core answers', async () => {
    let answer: (result: Result<unknown>) => void = () => undefined;
    const { store } = setup(() => new Promise((resolve) => (answer = resolve)));
    await store.getState().load();
    const pending = store.getState().change('schedule.paused', true);
    expect(store.getState().settings?.schedule.paused).toBe(true);
    expect(store.getState().fields['schedule.paused']).toEqual({ state: 'saving' });
    answer({ ok: true, value: { ...defaultSettings, schedule: { ...defaultSettings.schedule, paused: true } } });
    await pending;
    expect(store.getState().fields['schedule.paused']).toEqual({ state: 'saved' });
  });

  it("shows the server's validation message inline, reverts, and raises no toast", async () => {
    const { store, showError } = setup(() => ({
      ok: false,
      error: {
        code: 'validation',
        message: 'Invalid input for settings.update: schedule.intervalMinutes: Too small',
        retryable: false,
        issues: [{ path: 'schedule.intervalMinutes', message: 'Too small: expected number to be >=15' }],
      },
    }));
    await store.getState().load();
    await store.getState().change('schedule.intervalMinutes', 5);
    expect(store.getState().fields['schedule.intervalMinutes']).toEqual({
      state: 'invalid',
      message: 'Too small: expected number to be >=15',
    });
    expect(store.getState().settings?.schedule.intervalMinutes).toBe(60);
    expect(showError).not.toHaveBeenCalled();
  });

  it('reverts and toasts the error message when saving fails for another reason', async () => {
    const { store, showError } = setup(() => ({
      ok: false,
      error: { code: 'unavailable', message: 'The data folder is read-only.', retryable: true },
    }));
    await store.getState().load();
    await store.getState().change('notifications.enabled', false);
    expect(store.getState().settings?.notifications.enabled).toBe(true);
    expect(store.getState().fields['notifications.enabled']).toEqual({ state: 'failed', message: 'The data folder is read-only.' });
    expect(showError).toHaveBeenCalledWith('The data folder is read-only.');
  });

  it('applies a settings.changed payload from elsewhere', async () => {
    const { store } = setup();
    await store.getState().load();
    const remote: Settings = { ...defaultSettings, appearance: { theme: 'dark' } };
    store.getState().applyRemote(remote);
    expect(store.getState().settings?.appearance.theme).toBe('dark');
  });

  it('keeps a change in flight on screen when a remote event arrives meanwhile', async () => {
    let answer: (result: Result<unknown>) => void = () => undefined;
    const { store } = setup(() => new Promise((resolve) => (answer = resolve)));
    await store.getState().load();
    const pending = store.getState().change('schedule.paused', true);
    store.getState().applyRemote({ ...defaultSettings, appearance: { theme: 'light' } });
    expect(store.getState().settings).toMatchObject({ appearance: { theme: 'light' }, schedule: { paused: true } });
    answer({ ok: true, value: { appearance: { theme: 'light' }, schedule: { paused: true, intervalMinutes: 60 }, notifications: { enabled: true }, desktop: { closeToTray: true } } });
    await pending;
    expect(store.getState().settings).toMatchObject({ appearance: { theme: 'light' }, schedule: { paused: true } });
  });

  it('lets the latest of two quick changes to one control win, whichever answer comes last', async () => {
    const answers: Array<(result: Result<unknown>) => void> = [];
    const { store } = setup(() => new Promise((resolve) => answers.push(resolve)));
    await store.getState().load();
    const first = store.getState().change('schedule.paused', true);
    const second = store.getState().change('schedule.paused', false);
    const paused = (value: boolean): Result<unknown> => ({
      ok: true,
      value: { ...defaultSettings, schedule: { ...defaultSettings.schedule, paused: value } },
    });
    answers[1]?.(paused(false));
    await second;
    answers[0]?.(paused(true));
    await first;
    await flush();
    // The first answer arrives last but describes an older state; it must not flip the switch back.
    expect(store.getState().settings?.schedule.paused).toBe(false);
    expect(store.getState().fields['schedule.paused']).toEqual({ state: 'saved' });
  });

  it('ignores changes before settings have loaded', async () => {
    const { store, transport } = setup();
    await store.getState().change('schedule.paused', true);
    expect(transport.calls).toEqual([]);
  });
});
