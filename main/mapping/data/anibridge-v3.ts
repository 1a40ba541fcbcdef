import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { AnimeLinks, SeasonMapping } from '../model';
import { describeZodError, emptyLinks, inEntry, MappingDataError, parseJsonText, seasonMapping, unique } from './loader-support';
import { anilistCountOf, groupByRatio, parseAnibridgeRanges } from './ranges';

/**
 * anibridge-mappings v3 (mappings.schema.json): `provider:id[:scope]` → `provider:id[:scope]` → {source range:
 * target range | null}. The curated edits are YAML, the release payload JSON of the same shape; both parse
 * here. Only AniList-keyed sources are read: other sources (anidb:1:S → tvdb) carry no AniList id, and the
 * AniDB hops come from Kometa and Fribb.
 */
const descriptor = /^(\w+):(\w+)(?::(\w+))?$/;
const rangeMap = z.record(z.string(), z.string().nullable());
const rootSchema = z.record(z.string(), z.unknown());
const targetsSchema = z.record(z.string(), rangeMap);

function parseText(file: string, text: string): unknown {
  if (text.trimStart().startsWith('{')) return parseJsonText(file, text);
  rejectDuplicateSources(file, text);
  try {
    // yaml's own unique-key check is quadratic in a map's size (4.6 s on the 9,000-entry edits file, 0.9 s
    // without); the top level, where a duplicate would silently drop an entry, is checked above instead.
    return parseYaml(text, { maxAliasCount: 0, uniqueKeys: false }) as unknown;
  } catch (error) {
    throw new MappingDataError(file, null, `not valid YAML (truncated or damaged?): ${(error as Error).message}`);
  }
}

function rejectDuplicateSources(file: string, text: string): void {
  const seen = new Set<string>();
  for (const match of text.matchAll(/^([A-Za-z_$][^\s:]*:[^\s:]+(?::[^\s:]+)?):/gm)) {
    const key = match[1] ?? '';
    if (seen.has(key)) throw new MappingDataError(file, `"${key}"`, 'appears twice');
    seen.add(key);
  }
}

function seasonNumber(scope: string | undefined, target: string): number {
  const match = scope === undefined ? null : /^s(\d+)$/.exec(scope);
  if (!match) throw new Error(`target "${target}" has no season scope "s<number>"`);
  return Number(match[1]);
}

/** One source range → target ranges pair; mixed target ratios split into mappings that continue the count. */
function seasonsOfRanges(provider: 'tvdb' | 'tmdb', showId: string, season: number, ranges: Record<string, string | null>): SeasonMapping[] {
  const seasons: SeasonMapping[] = [];
  for (const [sourceText, targetText] of Object.entries(ranges)) {
    if (targetText === null) continue; // an explicit "unmap this range" in the edits: nothing to link
    const sources = parseAnibridgeRanges(sourceText);
    const source = sources[0];
    if (!source || sources.length > 1) throw new Error(`source range "${sourceText}" must be one range`);
    let anilistStart = source.range.start;
    for (const group of groupByRatio(parseAnibridgeRanges(targetText))) {
      const first = group[0];
      if (!first) continue;
      // A ratio on the source side ("1-6|2") weighs the same way as one on the target side.
      const ratio = first.ratio !== 1 ? first.ratio : source.ratio;
      seasons.push(seasonMapping(provider, showId, season, { episodes: group.map((r) => r.range), ratio, offset: first.range.start - anilistStart }));
      anilistStart += anilistCountOf(group.map((r) => ({ range: r.range, ratio })));
    }
  }
  return seasons;
}

function toLinks(anilistId: number, targets: z.infer<typeof targetsSchema>): AnimeLinks {
  const links: AnimeLinks = { ...emptyLinks('anibridge-v3'), anilistId };
  for (const [target, ranges] of Object.entries(targets)) {
    const match = descriptor.exec(target);
    if (!match) throw new Error(`target "${target}" is not provider:id[:scope]`);
    const [, provider, id = '', scope] = match;
    const numeric = /^\d+$/.test(id) ? Number(id) : null;
    const needNumber = (): number => {
      if (numeric === null) throw new Error(`target "${target}": id "${id}" is not a number`);
      return numeric;
    };
    switch (provider) {
      case 'mal':
        links.malIds.push(needNumber());
        break;
      case 'anidb':
        links.anidbId ??= needNumber();
        break;
      case 'tmdb_movie':
        links.tmdbMovieIds.push(needNumber());
        break;
      case 'imdb_movie':
      case 'imdb_show':
        links.imdbIds.push(id);
        break;
      case 'tvdb_show':
        links.tvdbId ??= needNumber();
        links.seasons.push(...seasonsOfRanges('tvdb', String(needNumber()), seasonNumber(scope, target), ranges));
        break;
      case 'tmdb_show':
        links.tmdbShowIds.push(needNumber());
        links.seasons.push(...seasonsOfRanges('tmdb', String(needNumber()), seasonNumber(scope, target), ranges));
        break;
      default:
        break; // providers Kizuna does not link (anilist → anilist, future ones): ignored, not an error
    }
  }
  return { ...links, malIds: unique(links.malIds), tmdbShowIds: unique(links.tmdbShowIds), tmdbMovieIds: unique(links.tmdbMovieIds), imdbIds: unique(links.imdbIds) };
}

export function parseAnibridgeV3(text: string, file = 'anibridge-v3 mappings'): AnimeLinks[] {
  const root = rootSchema.safeParse(parseText(file, text));
  if (!root.success) throw new MappingDataError(file, null, 'is not a mapping of source descriptors');
  const links: AnimeLinks[] = [];
  for (const [source, value] of Object.entries(root.data)) {
    if (source.startsWith('$')) continue;
    const match = descriptor.exec(source);
    if (!match) throw new MappingDataError(file, `"${source}"`, 'is not provider:id[:scope]');
    const targets = targetsSchema.safeParse(value);
    if (!targets.success) throw new MappingDataError(file, `"${source}"`, describeZodError(targets.error));
    if (match[1] !== 'anilist') continue;
    if (!/^\d+$/.test(match[2] ?? '')) throw new MappingDataError(file, `"${source}"`, 'AniList id is not a number');
    links.push(inEntry(file, `"${source}"`, () => toLinks(Number(match[2]), targets.data)));
  }
  return links;
}
