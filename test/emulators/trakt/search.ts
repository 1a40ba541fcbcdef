import { json, type EmulatorResponse } from '../common/http-types';
import type { MediaRecord, MovieRecord, ShowRecord } from './catalogue-types';
import { paginate, statusOnly, type ApiContext, type ApiRoute } from './http';
import type { IdType } from './lookup';
import { episodeObject, movieObject, parseExtended, showObject, type Extended } from './media';
import type { TraktState } from './state';

const TEXT = 'GET /search/{type}';
const LOOKUP = 'GET /search/{id_type}/{id}';
const searchTypes = ['movie', 'show', 'episode', 'person', 'list'];

export function searchRoutes(state: TraktState): ApiRoute[] {
  return [
    { method: 'GET', patterns: ['/search/{type}'], endpoint: TEXT, oauth: 'optional', handle: (context) => textSearch(state, context) },
    { method: 'GET', patterns: ['/search/{id_type}/{id}'], endpoint: LOOKUP, oauth: 'optional', handle: (context) => idLookup(state, context) },
  ];
}

/** Lower case, accents and punctuation dropped, so "Shingeki no Kyojin" matches "shingeki no kyojin!". */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Text search over the default fields (title, original_title, translations, aliases; `fields=` narrows or
 * adds overview), with the Filters the API documents for search: years ("2016" or "2010-2015"), genres
 * (slugs, any of), languages, countries, runtimes ("30-90"). Scores are integers, as the spec's int64 says;
 * the relative order (exact title, then title prefix, then words anywhere, then aliases) is the emulator's.
 */
function textSearch(state: TraktState, context: ApiContext): EmulatorResponse {
  const types = (context.params.type ?? '').split(',');
  if (types.some((type) => !searchTypes.includes(type))) return statusOnly(400, TEXT);
  const query = normalise(context.query.get('query') ?? '');
  const fields = (context.query.get('fields') ?? 'title,original_title,translations,aliases').split(',');
  const candidates: Array<MovieRecord | ShowRecord> = [...(types.includes('movie') ? state.catalogue.movies : []), ...(types.includes('show') ? state.catalogue.shows : [])];
  const filter = filters(context.query);
  const scored = candidates
    .filter(filter)
    .map((record) => ({ record, score: query === '' ? 0 : score(record, query, fields) }))
    .filter((hit) => hit.score > 0)
    .sort((a, b) => b.score - a.score || b.record.votes - a.record.votes || (a.record.title < b.record.title ? -1 : a.record.title > b.record.title ? 1 : 0));
  // An unpaged search answers 50 results, at most 250 per page (trakt/trakt-api#924, #925).
  const page = paginate(scored, context.query, 50);
  const extended = parseExtended(context.query);
  return { ...json(200, page.items.map((hit) => result(hit.record, hit.score, extended)), page.headers), endpoint: TEXT };
}

interface SearchText {
  title: string;
  original: string;
  aliases: string[];
  overview?: string;
}

// Normalising every title of a 10k seed on each query costs ~100 ms; the catalogue never changes, so once.
const texts = new WeakMap<MovieRecord | ShowRecord, SearchText>();

function textOf(record: MovieRecord | ShowRecord): SearchText {
  let text = texts.get(record);
  if (!text) texts.set(record, (text = { title: normalise(record.title), original: normalise(record.originalTitle), aliases: record.aliases.map(normalise) }));
  return text;
}

function score(record: MovieRecord | ShowRecord, query: string, fields: readonly string[]): number {
  const words = query.split(' ');
  const containsAll = (text: string) => words.every((word) => text.includes(word));
  const text = textOf(record);
  if (fields.includes('title')) {
    if (text.title === query) return 1000;
    if (text.title.startsWith(query)) return 900;
    if (containsAll(text.title)) return 800;
  }
  const others = [...(fields.includes('original_title') ? [text.original] : []), ...(fields.includes('aliases') || fields.includes('translations') ? text.aliases : [])];
  if (others.includes(query)) return 700;
  if (others.some(containsAll)) return 600;
  if (fields.includes('overview')) {
    text.overview ??= normalise(record.overview);
    if (containsAll(text.overview)) return 300;
  }
  return 0;
}

function filters(query: URLSearchParams): (record: MovieRecord | ShowRecord) => boolean {
  const years = range(query.get('years'));
  const runtimes = range(query.get('runtimes'));
  const list = (name: string) => query.get(name)?.split(',').map((value) => value.trim().toLowerCase()).filter(Boolean);
  const genres = list('genres');
  const languages = list('languages');
  const countries = list('countries');
  return (record) =>
    (!years || (record.year !== null && record.year >= years[0] && record.year <= years[1])) &&
    (!runtimes || (record.runtime !== null && record.runtime >= runtimes[0] && record.runtime <= runtimes[1])) &&
    (!genres || record.genres.some((genre) => genres.includes(genre))) &&
    (!languages || languages.includes(record.language)) &&
    (!countries || countries.includes(record.country));
}

/** "2016" → [2016, 2016]; "2010-2015" → [2010, 2015]; anything else → no filter. */
function range(value: string | null): [number, number] | undefined {
  const match = value ? /^(\d+)(?:-(\d+))?$/.exec(value.trim()) : null;
  if (!match) return undefined;
  const low = Number(match[1]);
  return [low, match[2] === undefined ? low : Number(match[2])];
}

function result(record: MediaRecord, score: number, extended: Extended): Record<string, unknown> {
  switch (record.type) {
    case 'movie':
      return { type: 'movie', score, movie: movieObject(record, extended) };
    case 'show':
      return { type: 'show', score, show: showObject(record, extended) };
    case 'episode':
      return { type: 'episode', score, episode: episodeObject(record, extended), show: showObject(record.show, extended) };
    case 'season':
      return { type: 'season', score, show: showObject(record.show, extended) };
  }
}

/**
 * GET /search/{id_type}/{id}?type=: trakt, imdb, tmdb or tvdb ids (the contract's enum). Without `type`
 * every kind carrying that id answers, e.g. a tmdb id shared by a movie and a show.
 */
function idLookup(state: TraktState, context: ApiContext): EmulatorResponse {
  const idType = context.params.id_type as IdType;
  if (!['trakt', 'imdb', 'tmdb', 'tvdb'].includes(idType)) return statusOnly(400, LOOKUP);
  const asked = context.query.get('type')?.split(',');
  const types = (asked ?? ['movie', 'show', 'episode']).filter((type): type is 'movie' | 'show' | 'episode' => ['movie', 'show', 'episode'].includes(type));
  const hits = state.catalogue.lookup(idType, context.params.id ?? '', types);
  const page = paginate(hits, context.query, 10);
  const extended = parseExtended(context.query);
  return { ...json(200, page.items.map((record) => result(record, 1000, extended)), page.headers), endpoint: LOOKUP };
}
