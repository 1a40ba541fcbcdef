import { CATALOG_COLUMNS, CATALOG_FORMAT, serializeCatalog, type CatalogEntry } from '../catalog';
import { assignMalIds, deriveFormat, deriveYear, englishTitle, first, malCandidates, plausibleEpisodes } from './derive';
import { closeOpenPieces, parseTvdbMappings, type RawPiece } from './pieces';
import { readMappingSources, type MappingSources } from './sources';

/**
 * Builds the seed catalogue from the mapping datasets: every PlexAniBridge entry (keyed by AniList id) whose
 * AniDB id has a name in Anime-Lists. Same input, same bytes: entries are sorted by AniList id and every
 * derived value comes from a hash of the id.
 */

export const CATALOG_NOTE = [
  'Derived by scripts/generate-seed-catalog.ts from community mapping datasets pinned in ../shared/data/mappings',
  '(commits below): PlexAniBridge-Mappings v2 (MIT) for AniList, MAL, AniDB, TVDB, TMDB and IMDb ids and TVDB',
  'season ranges; Anime-Lists (licence: none stated) for romaji titles (AniDB main names) and kinds (movie, OVA,',
  'web, music video); Fribb anime-lists (licence: none stated) for Anime-Planet slugs, title-cased into the',
  'English titles (approximate: punctuation is lost) and to pick AniList\'s MAL id among several.',
  'Not real: years (from "(YYYY)" in names, else interpolated from MAL/AniList ids), formats where no dataset',
  'says, and episode counts where no TVDB range is stated are derived deterministically from the ids; they are',
  'plausible test data only, for Kizuna\'s service emulators.',
].join(' ');

export function buildCatalogEntries(sources: MappingSources): CatalogEntry[] {
  const ids = [...sources.anibridge.keys()].sort((a, b) => a - b);
  const named = ids.filter((id) => {
    const anidb = sources.anibridge.get(id)?.anidb_id;
    return anidb !== undefined && sources.animeLists.has(anidb);
  });

  const piecesByEntry = new Map<number, { tvdb: number; pieces: RawPiece[] }>();
  for (const id of named) {
    const entry = sources.anibridge.get(id);
    if (entry?.tvdb_id !== undefined && entry.tmdb_movie_id === undefined) piecesByEntry.set(id, { tvdb: entry.tvdb_id, pieces: parseTvdbMappings(entry.tvdb_mappings) });
  }
  closeOpenPieces(piecesByEntry);

  const fribbOf = (anilist: number) => sources.fribbByAnidb.get(sources.anibridge.get(anilist)?.anidb_id ?? -1);
  const malIds = assignMalIds(named, (anilist) => malCandidates(sources.anibridge.get(anilist)), fribbOf);
  const entries = named.map((anilist) => toEntry(anilist, malIds.get(anilist) ?? null, sources, piecesByEntry.get(anilist)?.pieces ?? []));
  keepSequelsInOrder(entries);
  return entries;
}

function toEntry(anilist: number, mal: number | null, sources: MappingSources, rawPieces: RawPiece[]): CatalogEntry {
  const entry = sources.anibridge.get(anilist) ?? {};
  const names = sources.animeLists.get(entry.anidb_id ?? -1);
  if (!names) throw new Error(`no name for AniList ${anilist}`);
  const fribb = sources.fribbByAnidb.get(names.anidb);
  const format = deriveFormat(anilist, entry, names, rawPieces);
  const year = deriveYear(anilist, mal, names.name);
  const movie = format === 'MOVIE';
  const pieces = movie ? [] : rawPieces.map((piece, index) => ({ ...piece, episodes: piece.episodes ?? plausibleEpisodes(anilist, format, `piece${index}`) }));
  let episodes: number | null = pieces.length > 0 ? pieces.reduce((sum, piece) => sum + piece.episodes, 0) : plausibleEpisodes(anilist, format, 'episodes');
  // Entries still airing have no episode count on AniList yet.
  if (pieces.length === 0 && year >= 2026 && format !== 'MOVIE' && anilist % 2 === 0) episodes = null;
  return {
    anilist,
    mal,
    anidb: names.anidb,
    tvdb: movie ? null : (entry.tvdb_id ?? null),
    pieces,
    tmdbShow: first(entry.tmdb_show_id),
    tmdbMovie: first(entry.tmdb_movie_id),
    imdb: first(entry.imdb_id),
    romaji: names.name,
    english: englishTitle(names.name, fribb?.['anime-planet_id']),
    format,
    episodes,
    year,
    isAdult: names.tvdbid.toLowerCase() === 'hentai',
  };
}

/** Within one TVDB show a later season never comes out before an earlier one, whatever the ids suggest. */
function keepSequelsInOrder(entries: CatalogEntry[]): void {
  const byShow = new Map<number, CatalogEntry[]>();
  for (const entry of entries) {
    const season = entry.pieces[0]?.season ?? 0;
    if (entry.tvdb === null || season === 0) continue;
    const list = byShow.get(entry.tvdb) ?? [];
    list.push(entry);
    byShow.set(entry.tvdb, list);
  }
  for (const list of byShow.values()) {
    list.sort((a, b) => (a.pieces[0]?.season ?? 0) - (b.pieces[0]?.season ?? 0) || (a.pieces[0]?.episodeOffset ?? 0) - (b.pieces[0]?.episodeOffset ?? 0) || a.anilist - b.anilist);
    let latest = 0;
    for (const entry of list) {
      entry.year = Math.max(entry.year, latest);
      latest = entry.year;
    }
  }
}

export function generateCatalogText(mappingsDir: string): string {
  const sources = readMappingSources(mappingsDir);
  const entries = buildCatalogEntries(sources);
  return serializeCatalog({ format: CATALOG_FORMAT, note: CATALOG_NOTE, sources: sources.sources, columns: CATALOG_COLUMNS }, entries);
}
