/**
 * PlexAniBridge's `tvdb_mappings` ({"s1": "e1-e12", "s0": "e5"}) turned into ordered season pieces.
 *
 * Patterns (from the dataset's README): "" the whole season, "e5" one episode, "e1-e13" a range, "e13-" open
 * to the end, "e1-e12,e14-e24" several ranges, "|2" / "|-2" an episode ratio. A piece keeps where it starts
 * (offset) and how many TVDB episodes it covers; null means "to the end of the season", filled in later
 * from the next piece in the same season or from a plausible count. Ratios are read as 1:1: two dozen
 * entries out of 19k use them and the seed only needs plausible numbers there.
 */

export interface RawPiece {
  season: number;
  episodeOffset: number;
  episodes: number | null;
}

export function parseTvdbMappings(mappings: Record<string, string> | undefined): RawPiece[] {
  if (!mappings || Object.keys(mappings).length === 0) return [{ season: 1, episodeOffset: 0, episodes: null }];
  const pieces: RawPiece[] = [];
  for (const [key, value] of Object.entries(mappings)) {
    const season = /^s(\d+)$/.exec(key)?.[1];
    if (season === undefined) continue;
    const piece = parsePattern(Number(season), value);
    if (piece) pieces.push(piece);
  }
  // Specials tagged onto a regular entry (an episode 0, a recap) are not part of its episode count.
  const regular = pieces.filter((piece) => piece.season > 0);
  const kept = regular.length > 0 ? regular : pieces;
  return kept.sort((a, b) => a.season - b.season || a.episodeOffset - b.episodeOffset);
}

function parsePattern(season: number, pattern: string): RawPiece | null {
  const ranges = pattern.split('|')[0]?.trim() ?? '';
  if (ranges === '') return { season, episodeOffset: 0, episodes: null };
  let first = Number.POSITIVE_INFINITY;
  let count = 0;
  let open = false;
  for (const part of ranges.split(',')) {
    const match = /^e(\d+)(?:-e?(\d*))?$/.exec(part.trim());
    if (!match) continue;
    const start = Number(match[1]);
    first = Math.min(first, start);
    if (match[2] === undefined) count += 1;
    else if (match[2] === '') open = true;
    else count += Math.max(1, Number(match[2]) - start + 1);
  }
  if (!Number.isFinite(first)) return null;
  // A few ranges start at episode 0 (a prologue); TVDB numbering starts at 1, so they start at the top.
  return { season, episodeOffset: Math.max(0, first - 1), episodes: open ? null : count };
}

/**
 * Open pieces end where the next piece of the same TVDB season begins: two AniList cours sharing a season
 * ("" and "e13-") tell us the first cour has 12 episodes. Keyed by "tvdb:season".
 */
export function closeOpenPieces(piecesByEntry: Map<number, { tvdb: number; pieces: RawPiece[] }>): void {
  const starts = new Map<string, number[]>();
  for (const { tvdb, pieces } of piecesByEntry.values()) {
    for (const piece of pieces) {
      const key = `${tvdb}:${piece.season}`;
      const list = starts.get(key) ?? [];
      list.push(piece.episodeOffset);
      starts.set(key, list);
    }
  }
  for (const list of starts.values()) list.sort((a, b) => a - b);
  for (const { tvdb, pieces } of piecesByEntry.values()) {
    for (const piece of pieces) {
      if (piece.episodes !== null) continue;
      const next = starts.get(`${tvdb}:${piece.season}`)?.find((offset) => offset > piece.episodeOffset);
      if (next !== undefined) piece.episodes = next - piece.episodeOffset;
    }
  }
}
