import { describe, expect, it } from 'vitest';
import { countOutbox, dueOutbox, enqueueEdit, listOutbox, markOutboxFailed, markOutboxSent, outboxBackoffMs, outboxItemView, removeOutbox, type OutboxInput } from '../../../../../main/sync/store';
import { anilist, mal, useSyncDatabase } from './support';

const open = useSyncDatabase();
const minute = 60_000;
const hour = 60 * minute;

const plusOne = (progress: number, now = '2026-11-22T08:00:00.000Z'): OutboxInput => ({ side: anilist, titleKey: 'anime:anilist:1', title: 'Cowboy Bebop', field: 'progress', value: progress, target: { mediaId: 1 }, origin: 'edit', now });

describe('outbox', () => {
  it('queues edits and coalesces per list, title and field: the newer value replaces the older and starts afresh', () => {
    const { db } = open();
    const first = enqueueEdit(db, plusOne(4))!;
    markOutboxFailed(db, first, { code: 'network', message: 'offline', retryable: true }, '2026-11-22T08:00:30.000Z');
    const second = enqueueEdit(db, plusOne(5, '2026-11-22T08:01:00.000Z'))!;
    enqueueEdit(db, { ...plusOne(0), field: 'status', value: 'current' });
    enqueueEdit(db, { ...plusOne(2), side: mal });
    expect(second).not.toBe(first);
    const items = listOutbox(db);
    expect(items.map((item) => [item.side.accountId, item.field, item.value])).toEqual([
      ['anilist:1', 'progress', 5],
      ['anilist:1', 'status', 'current'],
      ['mal:2', 'progress', 2],
    ]);
    expect(items[0]).toEqual({
      id: second,
      side: anilist,
      titleKey: 'anime:anilist:1',
      title: 'Cowboy Bebop',
      field: 'progress',
      value: 5,
      target: { mediaId: 1 },
      origin: 'edit',
      createdAt: '2026-11-22T08:00:00.000Z',
      updatedAt: '2026-11-22T08:01:00.000Z',
      attempts: 0,
      nextAttemptAt: null,
      lastError: null,
      setAside: false,
    });
    expect(countOutbox(db)).toBe(3);
  });

  it('never drops a newer value when the older one it replaced is reported sent or failed afterwards', () => {
    const { db } = open();
    const inFlight = enqueueEdit(db, plusOne(4))!;
    const newer = enqueueEdit(db, plusOne(5))!;
    markOutboxFailed(db, inFlight, { code: 'network', message: 'offline', retryable: true });
    expect(markOutboxSent(db, [inFlight])).toBe(0);
    expect(listOutbox(db).map((item) => [item.id, item.value, item.attempts])).toEqual([[newer, 5, 0]]);
    expect(markOutboxSent(db, [newer])).toBe(1);
    expect(listOutbox(db)).toEqual([]);
  });

  it('has nothing to send for a field the side does not carry', () => {
    const { db } = open();
    expect(enqueueEdit(db, { ...plusOne(0), value: undefined })).toBeNull();
    expect(enqueueEdit(db, { ...plusOne(0), field: 'notes', value: null })).toEqual(expect.any(Number));
    expect(listOutbox(db).map((item) => [item.field, item.value])).toEqual([['notes', null]]);
  });

  it('sets a failing item aside with its error and offers it again once its wait is over', () => {
    const { db } = open();
    const failing = enqueueEdit(db, plusOne(4))!;
    const other = enqueueEdit(db, { ...plusOne(0), field: 'status', value: 'current' })!;
    expect(dueOutbox(db, '2026-11-22T08:00:00.000Z').map((item) => item.id)).toEqual([failing, other]);

    const next = markOutboxFailed(db, failing, { code: 'rate_limited', message: 'slow down', retryable: true }, '2026-11-22T08:00:00.000Z')!;
    expect(Date.parse(next) - Date.parse('2026-11-22T08:00:00.000Z')).toBe(outboxBackoffMs(1, failing));
    expect(listOutbox(db)[0]).toMatchObject({ attempts: 1, setAside: true, nextAttemptAt: next, lastError: { code: 'rate_limited', message: 'slow down', retryable: true } });
    expect(dueOutbox(db, '2026-11-22T08:00:50.000Z').map((item) => item.id)).toEqual([other]);
    expect(dueOutbox(db, next).map((item) => item.id)).toEqual([failing, other]);

    const later = markOutboxFailed(db, failing, { code: 'network', message: 'offline', retryable: true }, next)!;
    expect(Date.parse(later) - Date.parse(next)).toBe(outboxBackoffMs(2, failing));
    expect(listOutbox(db)[0]).toMatchObject({ attempts: 2, lastError: { message: 'offline' } });
    expect(markOutboxFailed(db, 999, { code: 'network', message: 'offline', retryable: true })).toBeNull();
  });

  it('backs off from one minute, doubling, to a six-hour cap, spread by up to 10% per item', () => {
    const ideal = [1, 2, 4, 8, 16, 32, 64, 128, 256, 360, 360].map((minutes) => minutes * minute);
    for (const id of [1, 2, 3, 1000, 123_456]) {
      ideal.forEach((delay, index) => {
        const actual = outboxBackoffMs(index + 1, id);
        expect(actual).toBeLessThanOrEqual(delay);
        expect(actual).toBeGreaterThanOrEqual(delay * 0.9);
      });
    }
    expect(outboxBackoffMs(50, 7)).toBeLessThanOrEqual(6 * hour);
    // Deterministic per item, different across items (so a hundred items failing together do not return together).
    expect(outboxBackoffMs(3, 42)).toBe(outboxBackoffMs(3, 42));
    const atCap = new Set(Array.from({ length: 100 }, (_, id) => outboxBackoffMs(20, id + 1)));
    expect(atCap.size).toBeGreaterThan(90);
    const spread = Math.max(...atCap) - Math.min(...atCap);
    expect(spread).toBeGreaterThan(0.05 * 6 * hour);
  });

  it('drops an item the person gave up on, and shows items as the UI does', () => {
    const { db } = open();
    const id = enqueueEdit(db, { ...plusOne(0), field: 'watched', value: ['s1e1', 's1e2'], origin: 'sync' })!;
    markOutboxFailed(db, id, { code: 'network', message: 'offline', retryable: true }, '2026-11-22T08:00:00.000Z');
    const [item] = listOutbox(db);
    expect(outboxItemView(item!)).toEqual({ id, side: anilist, titleKey: 'anime:anilist:1', title: 'Cowboy Bebop', field: 'watched', value: ['s1e1', 's1e2'], origin: 'sync', attempts: 1, nextAttemptAt: item!.nextAttemptAt, lastError: 'offline', setAside: true });
    expect(removeOutbox(db, id)).toBe(true);
    expect(removeOutbox(db, id)).toBe(false);
    expect(countOutbox(db)).toBe(0);
  });

  it('names a damaged item', () => {
    const { db } = open();
    const id = enqueueEdit(db, plusOne(4))!;
    db.prepare("UPDATE sync_outbox SET value = '{\"n\": 4}'").run();
    expect(() => listOutbox(db)).toThrow(new RegExp(`sync_outbox, item ${id} \\(anilist:1 anime anime:anilist:1 progress\\), column value`));
    db.prepare("UPDATE sync_outbox SET value = '4', last_error = 'offline'").run();
    expect(() => dueOutbox(db, '2030-01-01T00:00:00.000Z')).toThrow(/column last_error \(not JSON/);
  });
});
