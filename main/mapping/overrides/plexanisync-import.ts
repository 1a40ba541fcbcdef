import { parse } from 'yaml';
import { z } from 'zod';
import { AppError } from '../../../shared/contract';
import { seasonKey, titleKey, type ItemKey } from './item-keys';
import type { OverrideInput } from './override-store';

/**
 * PlexAniSync's custom_mappings.yaml: `entries` of a Plex title (with synonyms and optional tvdb/tmdb/imdb
 * ids or a Plex guid) and its seasons, each linked to one AniList id; a season split in two names a
 * `start` episode per part ("episodes 1-13 are part 1, 14 on part 2"). Imported as links, origin
 * import:plexanisync, so they beat the tables like any decision of the person's.
 */

const seasonSchema = z.object({ season: z.number().int().min(0), 'anilist-id': z.number().int().positive(), start: z.number().int().positive().optional() });
const entrySchema = z.object({
  title: z.string().min(1),
  synonyms: z.array(z.string()).optional(),
  guid: z.string().optional(),
  'tvdb-id': z.number().int().positive().optional(),
  'tmdb-id': z.number().int().positive().optional(),
  // Named by some files; an IMDb id names a show as a whole, not a season, so it adds no key.
  'imdb-id': z.string().optional(),
  seasons: z.array(seasonSchema).min(1),
});
const entriesSchema = z.array(entrySchema);

export interface PlexAniSyncImport {
  overrides: OverrideInput[];
  /** Entries read. */
  entries: number;
}

function keysFor(entry: z.infer<typeof entrySchema>, season: number): ItemKey[] {
  const keys: ItemKey[] = [];
  if (entry['tvdb-id']) keys.push(seasonKey('tvdb', entry['tvdb-id'], season));
  if (entry['tmdb-id']) keys.push(seasonKey('tmdb', entry['tmdb-id'], season));
  if (entry.guid) keys.push(`plex:${entry.guid.replace(/^plex:\/\//, '')}:s${season}`);
  // Titles always: PlexAniSync matches by title, and most files name no ids.
  for (const title of [entry.title, ...(entry.synonyms ?? [])]) keys.push(titleKey(title, season, 'show'));
  return [...new Set(keys)];
}

export function importPlexAniSyncYaml(text: string, fileName = 'custom_mappings.yaml'): PlexAniSyncImport {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new AppError('validation', `${fileName} is not valid YAML (${(error as Error).message.split('\n')[0]}). A title with ":" needs quotes.`);
  }
  // Older files are a bare list; newer ones keep it under `entries` next to `remote-urls`.
  const list = Array.isArray(raw) ? raw : typeof raw === 'object' && raw !== null && 'entries' in raw ? (raw as { entries: unknown }).entries : undefined;
  const parsed = entriesSchema.safeParse(list);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = list === undefined ? 'entries' : ['entries', ...(issue?.path ?? [])].join('.');
    throw new AppError('validation', `${fileName} is not a PlexAniSync custom mapping file: ${where}: ${list === undefined ? 'missing' : (issue?.message ?? 'invalid')}.`);
  }
  const entries = parsed.data;
  const overrides: OverrideInput[] = [];
  for (const entry of entries) {
    const bySeason = new Map<number, Array<z.infer<typeof seasonSchema>>>();
    for (const season of entry.seasons) bySeason.set(season.season, [...(bySeason.get(season.season) ?? []), season]);
    for (const [season, parts] of bySeason) {
      const ordered = [...parts].sort((a, b) => (a.start ?? 1) - (b.start ?? 1));
      ordered.forEach((part, index) => {
        const next = ordered[index + 1];
        const split = ordered.length > 1 || part.start !== undefined;
        const episodes = split ? { start: part.start ?? 1, end: next ? (next.start ?? 1) - 1 : null } : null;
        for (const itemKey of keysFor(entry, season)) {
          overrides.push({ itemKey, kind: 'link', anilistId: part['anilist-id'], episodes, label: `${entry.title} season ${season}`, origin: 'import:plexanisync' });
        }
      });
    }
  }
  return { overrides, entries: entries.length };
}
