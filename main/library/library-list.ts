import type Database from 'better-sqlite3';
import type { LibraryListState, LibraryTitle } from '../../shared/contract/library';
import { syncServiceSchema } from '../../shared/contract/sync';
import { listsDisagree } from '../../shared/library-rules';

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

type ListFields = Omit<LibraryListState, 'accountId' | 'service'>;

/**
 * The fields the Library shows, read straight from the stored JSON with a type check per field: the rows
 * were written from checked states, and a full schema parse per row cost most of a 10,000-title listing.
 * A row that is not an object is skipped; a field of the wrong type reads as empty.
 */
function stateOf(text: string): ListFields | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const state = value as Record<string, unknown>;
  const text_ = (key: string) => (typeof state[key] === 'string' ? (state[key] as string) : null);
  const number = (key: string) => (typeof state[key] === 'number' && Number.isFinite(state[key]) ? (state[key] as number) : null);
  return { status: text_('status'), progress: number('progress'), progressVolumes: number('progressVolumes'), score: number('score'), startedAt: text_('startedAt'), completedAt: text_('completedAt'), updatedAt: text_('updatedAt') };
}

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
    const state = stateOf(row.state);
    if (!service.success || !state) continue;
    if (readAt === null || row.read_at > readAt) readAt = row.read_at;
    let title = titles.get(row.title_key);
    if (!title) titles.set(row.title_key, (title = { titleKey: row.title_key, kind: row.kind as LibraryTitle['kind'], title: row.title, lists: [], disagree: false }));
    // AniList's name for a title reads best (Plex names seasons "… (season 2)").
    if (service.data === 'anilist') title.title = row.title;
    const list: LibraryListState = {
      accountId: row.account_id,
      service: service.data,
      status: state.status,
      progress: state.progress,
      progressVolumes: state.progressVolumes,
      score: state.score,
      startedAt: state.startedAt,
      completedAt: state.completedAt,
      updatedAt: state.updatedAt,
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
