import type { EpisodeRange, SeasonHit } from '../model';
import { rangesEnd } from './episode-ranges';

/**
 * Absolute numbering: Plex libraries set to "absolute" order (and many fansub files) call One Piece's
 * episode 1000 "season 1, episode 1000", while TVDB splits the show into seasons. When a season's tables
 * cover no such episode, the show's other seasons tell how long each season is (the highest episode its
 * closed ranges name), which turns an absolute number back into a season and episode. Seasons whose length
 * the tables leave open stop the walk: past them the arithmetic would be a guess.
 */

export interface SeasonEpisode {
  season: number;
  episodes: EpisodeRange;
}

function seasonLengths(hits: readonly SeasonHit[]): Map<number, number | null> {
  const lengths = new Map<number, number | null>();
  for (const hit of hits) {
    const { season, episodes } = hit.mapping;
    if (season < 1) continue;
    const end = episodes.length === 0 ? null : rangesEnd(episodes);
    const known = lengths.get(season);
    if (known === null) continue;
    lengths.set(season, end === null ? null : Math.max(end, known ?? 0));
  }
  return lengths;
}

/** The season and episodes an absolute range falls in, or null when the tables cannot say. */
export function fromAbsolute(showHits: readonly SeasonHit[], absolute: EpisodeRange): SeasonEpisode | null {
  const lengths = seasonLengths(showHits);
  const seasons = [...lengths.keys()].sort((a, b) => a - b);
  let before = 0;
  for (const [index, season] of seasons.entries()) {
    // A gap in the season numbers means a season no table maps: its length is unknown.
    if (season !== index + 1) return null;
    const length = lengths.get(season);
    if (length === null || length === undefined) return null;
    if (absolute.start <= before + length) {
      const end = absolute.end === null ? null : Math.min(absolute.end, before + length) - before;
      return { season, episodes: { start: absolute.start - before, end } };
    }
    before += length;
  }
  return null;
}
