import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { MappingDataError } from './loader-support';

/**
 * Anime-Lists `anime-movieset-list.xml`: AniDB ids that belong together as a movie set ("Ghost in the Shell
 * Collection"), with the set's titles. Kept apart from AnimeLinks: a set links titles to each other, not to
 * another service, and the Plex collection builder is what uses it.
 */
export interface AnimeMovieSet {
  anidbIds: number[];
  titles: { type: string; lang: string; title: string }[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => name === 'set' || name === 'anime' || name === 'title',
});

const titleSchema = z.object({ '@type': z.string(), '@xml:lang': z.string(), '#text': z.string() });
const setSchema = z.object({
  anime: z.array(z.object({ '@anidbid': z.string().regex(/^\d+$/, 'anidbid is not a number') })).optional(),
  titles: z.object({ title: z.array(titleSchema) }),
});

export function parseAnimeMovieSets(text: string, file = 'anime-movieset-list.xml'): AnimeMovieSet[] {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new MappingDataError(file, null, `not well-formed XML (truncated or damaged?): ${valid.err.msg} at line ${valid.err.line}`);
  const root = z.object({ 'anime-set-list': z.object({ set: z.array(z.unknown()).optional() }) }).safeParse(parser.parse(text));
  if (!root.success) throw new MappingDataError(file, null, 'has no <anime-set-list> root');
  return (root.data['anime-set-list'].set ?? []).map((item, index) => {
    const parsed = setSchema.safeParse(item);
    if (!parsed.success) throw new MappingDataError(file, `set #${index + 1}`, parsed.error.issues[0]?.message ?? 'does not match the format');
    return {
      anidbIds: (parsed.data.anime ?? []).map((anime) => Number(anime['@anidbid'])),
      titles: parsed.data.titles.title.map((title) => ({ type: title['@type'], lang: title['@xml:lang'], title: title['#text'] })),
    };
  });
}
