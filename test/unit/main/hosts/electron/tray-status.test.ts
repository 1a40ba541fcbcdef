import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../../../../main/app/event-bus';
import { createLogger } from '../../../../../main/app/logger';
import { createRedactor } from '../../../../../main/app/redact';
import { notifyExpiringSignIns, notifyRunResults } from '../../../../../main/hosts/electron/sign-in-notices';
import { runNotice, trayStatusLine } from '../../../../../main/hosts/electron/tray-status';
import { defaultSettings, type Account, type RunResult, type SyncStatus } from '../../../../../shared/contract';

const clock = (iso: string) => iso.slice(11, 16);
const status = (patch: Partial<SyncStatus> = {}): SyncStatus => ({ running: false, paused: false, lastRunAt: '2026-11-22T10:00:00Z', nextRunAt: '2026-11-22T11:00:00Z', waitingForNetwork: false, outbox: 0, lists: [], ...patch });
const result = (patch: Partial<RunResult>): RunResult => ({ runId: 'r', status: 'done', written: 0, failed: 0, queued: 0, conflicts: [], guard: { reasons: [] }, message: 'ok', ...patch });

describe('the tray status line', () => {
  it('says progress while writing, the phase while reading, paused, or last and next sync', () => {
    expect(trayStatusLine(status(), { runId: 'r', phase: 'writing', done: 3, total: 10, current: 'x' }, clock)).toBe('Syncing: 3 of 10');
    expect(trayStatusLine(status(), { runId: 'r', phase: 'reading', done: 0, total: 0, current: null }, clock)).toBe('Syncing: reading your lists…');
    expect(trayStatusLine(status({ paused: true }), null, clock)).toBe('Paused · last sync 10:00');
    expect(trayStatusLine(status(), null, clock)).toBe('Last sync 10:00 · next 11:00');
    expect(trayStatusLine(status({ lastRunAt: null, nextRunAt: null }), null, clock)).toBe('Not synced yet');
    expect(trayStatusLine(null, null, clock)).toBe('Kizuna');
  });
});

describe('desktop notifications for runs and sign-ins', () => {
  const logger = createLogger({ redactor: createRedactor(), level: 'error', sink: () => undefined });

  it('tells of runs with changes, failures and guards waiting, and keeps quiet about runs with nothing to do', () => {
    expect(runNotice(result({ written: 3 }))).toMatchObject({ title: 'Kizuna synced your lists', body: expect.stringContaining('3 changes') });
    expect(runNotice(result({ written: 0, status: 'nothing-to-do' }))).toBeNull();
    expect(runNotice(result({ status: 'done', written: 0 }))).toBeNull();
    expect(runNotice(result({ status: 'failed', message: 'AniList did not answer.' }))).toEqual({ title: 'Kizuna: sync failed', body: 'AniList did not answer.' });
    expect(runNotice(result({ status: 'needs-confirmation', guard: { reasons: [{ reason: 'large-share', accountId: 'a', kind: 'anime', count: 60, message: '60 entries would change.' }] } }))?.body).toContain('60 entries would change.');

    const bus = createEventBus(logger);
    const shown: string[] = [];
    let settings = defaultSettings;
    notifyRunResults({ subscribe: bus.subscribe, settings: () => settings, notify: (title) => void shown.push(title), logger, runNotice });
    bus.emit('sync.finished', result({ written: 2 }));
    bus.emit('sync.finished', result({ status: 'nothing-to-do' }));
    settings = { ...defaultSettings, notifications: { enabled: false } };
    bus.emit('sync.finished', result({ written: 2 }));
    expect(shown).toEqual(['Kizuna synced your lists']);
  });

  it('warns once a day about an AniList sign-in ending soon, never about ones that renew themselves', async () => {
    const bus = createEventBus(logger);
    let now = new Date('2026-11-22T12:00:00Z');
    const accounts: Account[] = [
      { id: 'anilist:1', service: 'anilist', userName: 'yui', avatarUrl: null, tokenExpiresAt: '2026-11-25T12:00:00Z', connectedAt: '2025-11-25T12:00:00Z', status: 'connected' },
      { id: 'mal:1', service: 'mal', userName: 'yui', avatarUrl: null, tokenExpiresAt: '2026-11-23T12:00:00Z', connectedAt: '2025-11-25T12:00:00Z', status: 'connected' },
    ];
    const shown: string[] = [];
    let tick: () => void = () => undefined;
    notifyExpiringSignIns({ subscribe: bus.subscribe, settings: () => defaultSettings, notify: (_title, body) => void shown.push(body), logger, accounts: async () => accounts, now: () => now, every: 1000, schedule: (run) => ((tick = run), () => undefined) });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shown).toEqual(['Your AniList sign-in as yui ends in 3 days. Reconnect it on the Accounts screen to keep syncing.']);
    tick();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shown).toHaveLength(1);
    now = new Date('2026-11-23T12:30:00Z');
    tick();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shown).toHaveLength(2);
  });
});
