import type Database from 'better-sqlite3';
import { fieldValueSchema, syncFieldSchema, type FieldValue as StoredValue, type OutboxItemView } from '../../../shared/contract/sync';
import type { FieldValue, SideRef, SyncField, WriteError } from '../model';
import { readJson, toJson } from './read-json';
import { sideRefOf, targetSchema, writeErrorSchema } from './state-schema';

/**
 * The outbox (sync_outbox, migration 006), DESIGN §5.7: local edits (library +1, a status change) and sync
 * writes that could not be sent, kept until the service takes them. One row per list, title and field: a
 * newer value replaces the older one (only the latest progress matters, not every +1 on the way). A failing
 * item is set aside with its error and tried again after a growing delay.
 */

export type OutboxOrigin = 'edit' | 'sync';

export interface OutboxInput {
  side: SideRef;
  titleKey: string;
  title: string;
  field: SyncField;
  value: FieldValue;
  target: unknown;
  origin: OutboxOrigin;
  now?: string;
}

export interface OutboxItem {
  id: number;
  side: SideRef;
  titleKey: string;
  title: string;
  field: SyncField;
  value: StoredValue;
  target: unknown;
  origin: OutboxOrigin;
  createdAt: string;
  updatedAt: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: WriteError | null;
  setAside: boolean;
}

interface Row {
  id: number;
  account_id: string;
  service: string;
  kind: string;
  scale: string | null;
  title_key: string;
  title: string;
  field: string;
  value: string;
  target: string;
  origin: OutboxOrigin;
  created_at: string;
  updated_at: string;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  set_aside: number;
}

const columns =
  'SELECT id, account_id, service, kind, scale, title_key, title, field, value, target, origin, created_at, updated_at, attempts, next_attempt_at, last_error, set_aside FROM sync_outbox';

function toItem(row: Row): OutboxItem {
  const place = { table: 'sync_outbox', row: `item ${row.id} (${row.account_id} ${row.kind} ${row.title_key} ${row.field})` };
  return {
    id: row.id,
    side: sideRefOf(row, place),
    titleKey: row.title_key,
    title: row.title,
    field: readJson(syncFieldSchema, JSON.stringify(row.field), { ...place, column: 'field' }),
    value: readJson(fieldValueSchema, row.value, { ...place, column: 'value' }),
    target: readJson(targetSchema, row.target, { ...place, column: 'target' }),
    origin: row.origin,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error === null ? null : readJson(writeErrorSchema, row.last_error, { ...place, column: 'last_error' }),
    setAside: row.set_aside === 1,
  };
}

/**
 * Queues a value, replacing any older value for the same list, title and field; the replacement starts
 * afresh (no attempts, not set aside). It gets a NEW id, so a sender holding the old item that reports it
 * sent (or failed) afterwards touches only the old value and never drops the newer one unsent. `undefined`
 * (a field the side does not carry) is nothing to send: returns null. Otherwise the item's id.
 */
export function enqueueEdit(db: Database.Database, input: OutboxInput): number | null {
  if (input.value === undefined) return null;
  const now = input.now ?? new Date().toISOString();
  const { side } = input;
  return db.transaction(() => {
    const old = db
      .prepare<[string, string, string, string], { id: number; created_at: string }>('SELECT id, created_at FROM sync_outbox WHERE account_id = ? AND kind = ? AND title_key = ? AND field = ?')
      .get(side.accountId, side.kind, input.titleKey, input.field);
    if (old) db.prepare('DELETE FROM sync_outbox WHERE id = ?').run(old.id);
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO sync_outbox (account_id, service, kind, scale, title_key, title, field, value, target, origin, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(side.accountId, side.service, side.kind, side.scale, input.titleKey, input.title, input.field, JSON.stringify(input.value), toJson(input.target), input.origin, old?.created_at ?? now, now);
    return Number(lastInsertRowid);
  })();
}

/** What may be sent at `nowIso`: items never tried, and set-aside items whose wait is over; oldest first. */
export function dueOutbox(db: Database.Database, nowIso: string): OutboxItem[] {
  return db.prepare<[string], Row>(`${columns} WHERE set_aside = 0 OR next_attempt_at <= ? ORDER BY id`).all(nowIso).map(toItem);
}

/** Drops items the service took; returns how many were still there. */
export function markOutboxSent(db: Database.Database, ids: readonly number[]): number {
  const remove = db.prepare('DELETE FROM sync_outbox WHERE id = ?');
  return db.transaction(() => ids.reduce((removed, id) => removed + remove.run(id).changes, 0))();
}

const minute = 60_000;
const backoffCap = 6 * 60 * minute;

/**
 * How long to wait after the `attempts`-th failure: 1 minute, doubling, at most 6 hours, shortened by up to
 * 10% depending on the item. Without that spread, every item that failed while the network was down would
 * come due in the same instant once it is back and hit the service (and its rate limit) all at once. The
 * spread is derived from the id rather than random so a schedule can be explained and tested; it only
 * shortens the wait, so the cap holds and items spread out even at the cap.
 */
export function outboxBackoffMs(attempts: number, id: number): number {
  const delay = Math.min(backoffCap, minute * 2 ** Math.max(0, attempts - 1));
  const spread = (Math.imul(id, 0x9e3779b1) >>> 0) / 2 ** 32;
  return Math.round(delay * (1 - 0.1 * spread));
}

/** Sets an item aside after a failed attempt, with its error and the time to try again; null when the item is gone. */
export function markOutboxFailed(db: Database.Database, id: number, error: WriteError, now: string = new Date().toISOString()): string | null {
  return db.transaction(() => {
    const row = db.prepare<[number], { attempts: number }>('SELECT attempts FROM sync_outbox WHERE id = ?').get(id);
    if (!row) return null;
    const attempts = row.attempts + 1;
    const next = new Date(Date.parse(now) + outboxBackoffMs(attempts, id)).toISOString();
    db.prepare('UPDATE sync_outbox SET attempts = ?, set_aside = 1, next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ?').run(attempts, next, JSON.stringify(error), now, id);
    return next;
  })();
}

/** Everything queued, oldest first. */
export function listOutbox(db: Database.Database): OutboxItem[] {
  return db.prepare<[], Row>(`${columns} ORDER BY id`).all().map(toItem);
}

export function countOutbox(db: Database.Database): number {
  return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM sync_outbox').get()?.n ?? 0;
}

/** Drops one item (the person gave up on it); false when it was not there. */
export function removeOutbox(db: Database.Database, id: number): boolean {
  return db.prepare('DELETE FROM sync_outbox WHERE id = ?').run(id).changes > 0;
}

export function outboxItemView(item: OutboxItem): OutboxItemView {
  const { id, side, titleKey, title, field, value, origin, attempts, nextAttemptAt, setAside } = item;
  return { id, side, titleKey, title, field, value, origin, attempts, nextAttemptAt, lastError: item.lastError?.message ?? null, setAside };
}
