import { createStore, type StoreApi } from 'zustand/vanilla';
import { RpcFailure, type Client, type Settings, type SettingsPatch } from '../../shared/contract';
import { errorMessage } from './error-message';

/** Every control on the Settings screen, named by its dotted path (the same path the server uses in issues). */
export type SettingKey = {
  [S in keyof Settings]: `${S}.${Extract<keyof Settings[S], string>}`;
}[keyof Settings];

export type SettingValue<K extends SettingKey> = K extends `${infer S extends keyof Settings}.${infer F}`
  ? F extends keyof Settings[S]
    ? Settings[S][F]
    : never
  : never;

export type FieldStatus =
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'invalid'; message: string }
  | { state: 'failed'; message: string };

export interface SettingsState {
  status: 'loading' | 'ready' | 'failed';
  loadError: string | null;
  /** What the controls show: the core's settings with changes still in flight laid over them. */
  settings: Settings | null;
  fields: Partial<Record<SettingKey, FieldStatus>>;
  load(): Promise<void>;
  change<K extends SettingKey>(key: K, value: SettingValue<K>): Promise<void>;
  /** A 'settings.changed' event: another window, the tray or the CLI changed something. */
  applyRemote(settings: Settings): void;
}

export type SettingsStore = StoreApi<SettingsState>;

function split(key: SettingKey): [keyof Settings, string] {
  const [section, field] = key.split('.') as [keyof Settings, string];
  return [section, field];
}

function withValue(settings: Settings, key: SettingKey, value: unknown): Settings {
  const [section, field] = split(key);
  return { ...settings, [section]: { ...settings[section], [field]: value } };
}

export function createSettingsStore(client: Client, showError: (message: string) => void): SettingsStore {
  // Kept outside zustand state: only `settings` (derived from these) is rendered.
  let confirmed: Settings | null = null;
  const inFlight = new Map<SettingKey, { seq: number; value: unknown }>();
  let seq = 0;
  let newestAnswered = 0;
  let loadSeq = 0;

  function overlay(): Settings | null {
    if (!confirmed) return null;
    let shown = confirmed;
    for (const [key, { value }] of inFlight) shown = withValue(shown, key, value);
    return shown;
  }

  return createStore<SettingsState>()((set, get) => {
    function setField(key: SettingKey, status: FieldStatus): void {
      set({ fields: { ...get().fields, [key]: status } });
    }

    return {
      status: 'loading',
      loadError: null,
      settings: null,
      fields: {},

      async load() {
        const request = ++loadSeq;
        try {
          const settings = await client.call('settings.get');
          if (request !== loadSeq) return;
          confirmed = settings;
          set({ status: 'ready', loadError: null, settings: overlay() });
        } catch (error) {
          if (request !== loadSeq) return;
          const message = errorMessage(error);
          // Keep showing settings already loaded; a failed refresh is not a reason to hide them.
          set({ status: confirmed ? 'ready' : 'failed', loadError: message });
          showError(message);
        }
      },

      async change(key, value) {
        if (!confirmed) return;
        const mine = ++seq;
        inFlight.set(key, { seq: mine, value });
        set({ settings: overlay() });
        setField(key, { state: 'saving' });
        const [section, field] = split(key);
        const patch = { [section]: { [field]: value } } as SettingsPatch;
        try {
          const saved = await client.call('settings.update', patch);
          // Answers can arrive out of order; an older one describes a state the core has already moved past.
          if (mine > newestAnswered) {
            newestAnswered = mine;
            confirmed = saved;
          }
          const latest = inFlight.get(key)?.seq === mine;
          if (latest) inFlight.delete(key);
          set({ settings: overlay() });
          if (latest) setField(key, { state: 'saved' });
        } catch (error) {
          // A newer change to the same control supersedes this one; its own outcome will be reported.
          if (inFlight.get(key)?.seq !== mine) return;
          inFlight.delete(key);
          set({ settings: overlay() });
          if (error instanceof RpcFailure && error.error.code === 'validation') {
            const issue = error.error.issues?.find((i) => i.path === key) ?? error.error.issues?.[0];
            setField(key, { state: 'invalid', message: issue?.message ?? error.error.message });
            return;
          }
          const message = errorMessage(error);
          setField(key, { state: 'failed', message });
          showError(message);
        }
      },

      applyRemote(settings) {
        confirmed = settings;
        // A remote change arriving before the first load completes counts as the load.
        set({ status: 'ready', loadError: null, settings: overlay() });
      },
    };
  });
}
