import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import type { AnimeLinks, SeasonMapping } from '../model';
import { emptyLinks, inEntry, MappingDataError, seasonMapping, textList, unique } from './loader-support';
import { ABSOLUTE_SEASON } from './ranges';

/**
 * Anime-Lists `anime-list-master.xml` (its README, "Format"): one <anime> per AniDB id with the TVDB series,
 * `defaulttvdbseason` ("a" = absolute numbering), `episodeoffset` (added to AniDB episode numbers), the TMDB
 * equivalents, and <mapping-list> for episodes that do not follow the default. AniDB-keyed: the index finds the
 * AniList id through Kometa or Fribb.
 */
const attributes = z.object({
  '@anidbid': z.string(),
  '@tvdbid': z.string().optional(),
  '@defaulttvdbseason': z.string().optional(),
  '@episodeoffset': z.string().optional(),
  '@tmdbtv': z.string().optional(),
  '@tmdbseason': z.string().optional(),
  '@tmdboffset': z.string().optional(),
  '@tmdbid': z.string().optional(),
  '@imdbid': z.string().optional(),
  'mapping-list': z.object({ mapping: z.array(z.unknown()).optional() }).or(z.literal('')).optional(),
});
const mappingSchema = z.union([
  z.object({
    '@anidbseason': z.string(),
    '@tvdbseason': z.string().optional(),
    '@tmdbseason': z.string().optional(),
    '@start': z.string().optional(),
    '@end': z.string().optional(),
    '@offset': z.string().optional(),
    '#text': z.string().optional(),
  }),
  z.literal(''),
]);
type Mapping = Exclude<z.infer<typeof mappingSchema>, ''>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => name === 'anime' || name === 'mapping',
});

/** "" → null; an integer (negative allowed) → it; anything else names the attribute. */
export function optionalInt(value: string | undefined, what: string): number | null {
  const text = (value ?? '').trim();
  if (text === '') return null;
  if (!/^-?\d+$/.test(text)) throw new Error(`${what} "${text}" is not a number`);
  return Number(text);
}

function seasonOf(value: string | undefined, what: string): number | null {
  return (value ?? '').trim() === 'a' ? ABSOLUTE_SEASON : optionalInt(value, what);
}

/** A whole-season default: AniDB episode 1 is provider episode 1 + offset. */
function defaultSeason(provider: 'tvdb' | 'tmdb', showId: number, season: number, offset: number): SeasonMapping {
  return seasonMapping(provider, showId, season, { episodes: offset > 0 ? [{ start: offset + 1, end: null }] : [], offset });
}

/** ";1-5;2-6+7;" pairs: AniDB episode → provider episode(s); "x-0" means no counterpart. */
function episodePairs(provider: 'tvdb' | 'tmdb', showId: number, season: number, text: string): SeasonMapping[] {
  const seasons: SeasonMapping[] = [];
  for (const pair of text.split(';').map((part) => part.trim()).filter((part) => part !== '')) {
    const match = /^(\d+)-(\d+(?:\+\d+)*)$/.exec(pair);
    if (!match) throw new Error(`mapping "${pair}" is not "anidb-provider"`);
    const anidb = Number(match[1]);
    const targets = (match[2] ?? '').split('+').map(Number);
    const first = targets[0] ?? 0;
    if (first === 0) continue;
    const last = targets.at(-1) ?? first;
    const previous = seasons.at(-1);
    // Consecutive 1:1 pairs with the same offset read better (and look up faster) as one range.
    if (targets.length === 1 && previous && previous.ratio === 1 && previous.offset === first - anidb && previous.episodes[0]?.end === first - 1) {
      previous.episodes[0] = { start: previous.episodes[0].start, end: first };
      continue;
    }
    seasons.push(seasonMapping(provider, showId, season, { episodes: [{ start: first, end: last }], ratio: targets.length, offset: first - anidb }));
  }
  return seasons;
}

function mappingSeasons(mapping: Mapping, tvdbId: number | null, tmdbId: number | null): SeasonMapping[] {
  // anidbseason 0 are AniDB specials: separate AniList entries, not episodes of this one.
  if (mapping['@anidbseason'].trim() !== '1') return [];
  const out: SeasonMapping[] = [];
  const targets: ['tvdb' | 'tmdb', number | null, string | undefined][] = [
    ['tvdb', tvdbId, mapping['@tvdbseason']],
    ['tmdb', tmdbId, mapping['@tmdbseason']],
  ];
  for (const [provider, showId, seasonText] of targets) {
    const season = seasonOf(seasonText, `${provider}season`);
    if (showId === null || season === null) continue;
    const start = optionalInt(mapping['@start'], 'start');
    const end = optionalInt(mapping['@end'], 'end');
    const offset = optionalInt(mapping['@offset'], 'offset') ?? 0;
    if (start !== null || end !== null || mapping['@offset'] !== undefined) {
      const first = (start ?? 1) + offset;
      out.push(seasonMapping(provider, showId, season, { episodes: [{ start: Math.max(1, first), end: end === null ? null : end + offset }], offset }));
    }
    if (mapping['#text']) out.push(...episodePairs(provider, showId, season, mapping['#text']));
  }
  return out;
}

function toLinks(raw: z.infer<typeof attributes>): AnimeLinks {
  const anidbId = optionalInt(raw['@anidbid'], 'anidbid');
  if (anidbId === null) throw new Error('anidbid is empty');
  const tvdbText = (raw['@tvdbid'] ?? '').trim();
  // Non-numeric tvdbid values are AniDB types ("movie", "OVA", "hentai"): no TVDB series, by the README.
  if (/\d/.test(tvdbText) && !/^\d+$/.test(tvdbText)) throw new Error(`tvdbid "${tvdbText}" is not a number`);
  const tvdbId = /^\d+$/.test(tvdbText) ? Number(tvdbText) : null;
  const tmdbTv = optionalInt(raw['@tmdbtv'], 'tmdbtv');
  const seasons: SeasonMapping[] = [];
  const tvdbSeason = seasonOf(raw['@defaulttvdbseason'], 'defaulttvdbseason');
  const episodeOffset = optionalInt(raw['@episodeoffset'], 'episodeoffset') ?? 0;
  if (tvdbId !== null && tvdbSeason !== null) seasons.push(defaultSeason('tvdb', tvdbId, tvdbSeason, episodeOffset));
  const tmdbSeason = seasonOf(raw['@tmdbseason'], 'tmdbseason');
  const tmdbOffset = optionalInt(raw['@tmdboffset'], 'tmdboffset') ?? 0;
  if (tmdbTv !== null && tmdbSeason !== null) seasons.push(defaultSeason('tmdb', tmdbTv, tmdbSeason, tmdbOffset));
  const list = raw['mapping-list'];
  for (const item of typeof list === 'object' ? (list.mapping ?? []) : []) {
    const mapping = mappingSchema.parse(item);
    if (mapping !== '') seasons.push(...mappingSeasons(mapping, tvdbId, tmdbTv));
  }
  const imdbIds = textList(raw['@imdbid']);
  for (const id of imdbIds) if (!/^tt\d+$/.test(id)) throw new Error(`imdbid "${id}" is not an IMDb id`);
  return {
    ...emptyLinks('anime-lists'),
    anidbId,
    tvdbId,
    tmdbShowIds: tmdbTv === null ? [] : [tmdbTv],
    tmdbMovieIds: unique(textList(raw['@tmdbid']).map((id) => optionalInt(id, 'tmdbid') ?? 0)),
    imdbIds: unique(imdbIds),
    seasons,
  };
}

/** Throws MappingDataError for XML that is not well formed (a truncated download) or an entry that does not validate. */
export function parseAnimeListsXml(text: string, file = 'anime-lists'): AnimeLinks[] {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new MappingDataError(file, null, `not well-formed XML (truncated or damaged?): ${valid.err.msg} at line ${valid.err.line}`);
  const root = z.object({ 'anime-list': z.object({ anime: z.array(z.unknown()).optional() }) }).safeParse(parser.parse(text));
  if (!root.success) throw new MappingDataError(file, null, 'has no <anime-list> root');
  return (root.data['anime-list'].anime ?? []).map((item, index) => {
    const raw = attributes.safeParse(item);
    const id = typeof item === 'object' && item !== null && '@anidbid' in item ? String(item['@anidbid']) : `#${index + 1}`;
    const label = `anime anidbid="${id}"`;
    if (!raw.success) throw new MappingDataError(file, label, raw.error.issues[0]?.message ?? 'does not match the format');
    return inEntry(file, label, () => toLinks(raw.data));
  });
}
