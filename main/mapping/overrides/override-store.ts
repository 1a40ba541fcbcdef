import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/contract';
import type { EpisodeRange } from '../model';
import type { ItemKey } from './item-keys';

export type OverrideKind = 'link' | 'unlink' | 'ignore';
export type OverrideOrigin = 'user' | 'import:plexanisync' | 'import:anibridge' | 'import:kizuna';

export interface Override {
  id: number;
  itemKey: ItemKey;
  kind: OverrideKind;
  anilistId: number | null;
  /** Episodes of the item's season the link covers; null: all of it. */
  episodes: EpisodeRange | null;
  label: string;
  origin: OverrideOrigin;
  createdAt: string;
}

export type OverrideInput = Omit<Override, 'id' | 'createdAt' | 'origin' | 'label'> & { origin?: OverrideOrigin; label?: string };

interface Row {
  id: number;
  item_key: string;
  kind: OverrideKind;
  anilist_id: number | null;
  episodes: string | null;
  label: string;
  origin: OverrideOrigin;
  created_at: string;
}

function toOverride(row: Row): Override {
  return {
    id: row.id,
    itemKey: row.item_key,
    kind: row.kind,
    anilistId: row.anilist_id,
    episodes: row.episodes ? (JSON.parse(row.episodes) as EpisodeRange) : null,
    label: row.label,
    origin: row.origin,
    createdAt: row.created_at,
  };
}

const columns = 'SELECT id, item_key, kind, anilist_id, episodes, label, origin, created_at FROM match_overrides';

function check(input: OverrideInput): void {
  if (input.kind === 'ignore' ? input.anilistId !== null : !Number.isInteger(input.anilistId) || (input.anilistId ?? 0) <= 0) {
    throw new AppError('validation', input.kind === 'ignore' ? 'An "ignore" decision names no AniList entry.' : 'A link or unlink names one AniList entry by its id (a positive whole number).');
  }
  const range = input.episodes;
  if (range && (!Number.isInteger(range.start) || range.start < 0 || (range.end !== null && (!Number.isInteger(range.end) || range.end < range.start)))) {
    throw new AppError('validation', `Episodes ${range.start}–${range.end ?? ''} are not a range: give a first episode and an optional last one not below it.`);
  }
}

/**
 * Records a decision. They replace what contradicts them for the same item: ignoring drops its links and
 * unlinks; linking drops an "ignore" and an "unlink" of the same entry; unlinking drops the same link.
 * Several links may stand side by side (a season split into cours, each with its episodes).
 */
export function saveOverride(db: Database.Database, input: OverrideInput): Override {
  check(input);
  return db.transaction(() => {
    const remove = db.prepare('DELETE FROM match_overrides WHERE item_key = ? AND kind = ? AND (anilist_id IS ? OR ? IS NULL)');
    if (input.kind === 'ignore') {
      db.prepare('DELETE FROM match_overrides WHERE item_key = ?').run(input.itemKey);
    } else {
      remove.run(input.itemKey, 'ignore', null, null);
      remove.run(input.itemKey, input.kind === 'link' ? 'unlink' : 'link', input.anilistId, input.anilistId);
      remove.run(input.itemKey, input.kind, input.anilistId, input.anilistId);
    }
    const { lastInsertRowid } = db
      .prepare('INSERT INTO match_overrides (item_key, kind, anilist_id, episodes, label, origin) VALUES (?, ?, ?, ?, ?, ?)')
      .run(input.itemKey, input.kind, input.anilistId, input.episodes ? JSON.stringify(input.episodes) : null, input.label ?? '', input.origin ?? 'user');
    const row = db.prepare<[number], Row>(`${columns} WHERE id = ?`).get(Number(lastInsertRowid));
    if (!row) throw new Error('override vanished after being written');
    return toOverride(row);
  })();
}

export function listOverrides(db: Database.Database): Override[] {
  return db.prepare<[], Row>(`${columns} ORDER BY item_key, kind, anilist_id`).all().map(toOverride);
}

export function overridesFor(db: Database.Database, itemKey: ItemKey): Override[] {
  return db.prepare<[string], Row>(`${columns} WHERE item_key = ? ORDER BY episodes, anilist_id`).all(itemKey).map(toOverride);
}

/** Returns whether a decision was there to remove. */
export function deleteOverride(db: Database.Database, id: number): boolean {
  return db.prepare('DELETE FROM match_overrides WHERE id = ?').run(id).changes > 0;
}
