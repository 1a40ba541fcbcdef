import type Database from 'better-sqlite3';
import type { ReviewCandidate, ReviewItem } from '../../../shared/contract';
import type { MatchQuery } from '../model';

/** The review queue's rows (migration 005). Queries and candidates are JSON written by this file only. */

interface Row {
  id: number;
  item_key: string;
  origin: 'plex' | 'trakt';
  account_id: string | null;
  query: string;
  candidates: string;
  reason: 'no-match' | 'low-confidence';
  confidence: number;
  status: 'open' | 'resolved' | 'ignored';
  updated_at: string;
}

export interface StoredReviewItem extends ReviewItem {
  query: MatchQuery;
}

function toItem(row: Row): StoredReviewItem {
  const query = JSON.parse(row.query) as MatchQuery;
  return {
    id: row.id,
    itemKey: row.item_key,
    origin: row.origin,
    accountId: row.account_id,
    title: query.title,
    year: query.year ?? null,
    type: query.type,
    season: query.type === 'show' ? (query.season ?? 1) : null,
    reason: row.reason,
    confidence: row.confidence,
    status: row.status,
    candidates: JSON.parse(row.candidates) as ReviewCandidate[],
    updatedAt: row.updated_at,
    query,
  };
}

const columns = 'SELECT id, item_key, origin, account_id, query, candidates, reason, confidence, status, updated_at FROM review_items';
const now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

export interface OpenItemInput {
  itemKey: string;
  origin: 'plex' | 'trakt';
  accountId: string | null;
  query: MatchQuery;
  candidates: ReviewCandidate[];
  reason: 'no-match' | 'low-confidence';
  confidence: number;
}

/** Puts an item in the queue, or refreshes its candidates; an item the person ignored stays ignored. */
export function upsertOpenItem(db: Database.Database, input: OpenItemInput): void {
  db.prepare(
    `INSERT INTO review_items (item_key, origin, account_id, query, candidates, reason, confidence)
     VALUES (@itemKey, @origin, @accountId, @query, @candidates, @reason, @confidence)
     ON CONFLICT (item_key) DO UPDATE SET query = excluded.query, candidates = excluded.candidates, reason = excluded.reason,
       confidence = excluded.confidence, account_id = excluded.account_id, updated_at = ${now},
       status = CASE WHEN review_items.status = 'ignored' THEN 'ignored' ELSE 'open' END`,
  ).run({ ...input, query: JSON.stringify(input.query), candidates: JSON.stringify(input.candidates.slice(0, 10)) });
}

export function setItemStatus(db: Database.Database, itemKey: string, status: 'resolved' | 'ignored'): boolean {
  return db.prepare(`UPDATE review_items SET status = ?, updated_at = ${now} WHERE item_key = ? AND status != ?`).run(status, itemKey, status).changes > 0;
}

export function findReviewItem(db: Database.Database, id: number): StoredReviewItem | undefined {
  const row = db.prepare<[number], Row>(`${columns} WHERE id = ?`).get(id);
  return row ? toItem(row) : undefined;
}

export function listReviewItems(db: Database.Database, status: Row['status'], limit: number, offset: number): { items: StoredReviewItem[]; total: number } {
  const total = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM review_items WHERE status = ?').get(status)?.n ?? 0;
  const items = db.prepare<[string, number, number], Row>(`${columns} WHERE status = ? ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?`).all(status, limit, offset).map(toItem);
  return { items, total };
}

export function openReviewItems(db: Database.Database): StoredReviewItem[] {
  return db.prepare<[], Row>(`${columns} WHERE status = 'open' ORDER BY id`).all().map(toItem);
}

export function countOpenItems(db: Database.Database): number {
  return db.prepare<[], { n: number }>("SELECT count(*) AS n FROM review_items WHERE status = 'open'").get()?.n ?? 0;
}
