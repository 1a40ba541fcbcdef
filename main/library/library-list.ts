import type Database from 'better-sqlite3';
import type { LibraryListState, LibraryTitle } from '../../shared/contract/library';
import { syncServiceSchema } from '../../shared/contract/sync';
import { listsDisagree } from '../../shared/library-rules';
import { sideStateSchema } from '../sync/store/state-schema';

interface Row {
  account_id: string;
  service: string;
  kind: string;
  title_key: string;
  title: string;
  state: string;
  read_at: string;
}

const serviceOrder = ['anilist', 'mal', 'trakt', 'plex'];

/**
 * The Library: every anime and manga title once, each list's state next to the others, from the lists as
 * the last sync or preview read them (no request to any service: the screen opens at once, offline too).
 * A row whose stored state no longer parses is left out rather than failing the whole library.
 */
export function listLibrary(db: Database.Database): { titles: LibraryTitle[]; readAt: string | null } {
  const rows = db
    .prepare<[], Row>(
      `SELECT e.account_id, a.service, e.kind, e.title_key, e.title, e.state, e.read_at
       FROM sync_entries e JOIN accounts a ON a.id = e.account_id
       WHERE e.kind IN ('anime', 'manga')`,
    )
    .all();
  const titles = new Map<string, LibraryTitle>();
  let readAt: string | null = null;
  for (const row of rows) {
    const service = syncServiceSchema.safeParse(row.service);
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.state);
    } catch {
      continue;
    }
    const state = sideStateSchema.safeParse(parsed);
    if (!service.success || !state.success) continue;
    if (readAt === null || row.read_at > readAt) readAt = row.read_at;
    let title = titles.get(row.title_key);
    if (!title) titles.set(row.title_key, (title = { titleKey: row.title_key, kind: row.kind as LibraryTitle['kind'], title: row.title, lists: [], disagree: false }));
    // AniList's name for a title reads best (Plex names seasons "… (season 2)").
    if (service.data === 'anilist') title.title = row.title;
    const list: LibraryListState = {
      accountId: row.account_id,
      service: service.data,
      status: state.data.status ?? null,
      progress: state.data.progress ?? null,
      progressVolumes: state.data.progressVolumes ?? null,
      score: state.data.score ?? null,
      startedAt: state.data.startedAt ?? null,
      completedAt: state.data.completedAt ?? null,
      updatedAt: state.data.updatedAt ?? null,
    };
    title.lists.push(list);
  }
  const out = [...titles.values()];
  for (const title of out) {
    title.lists.sort((a, b) => serviceOrder.indexOf(a.service) - serviceOrder.indexOf(b.service));
    title.disagree = listsDisagree(title.lists);
  }
  out.sort((a, b) => a.title.localeCompare(b.title));
  return { titles: out, readAt };
}
