import type { SeedWorld } from '../seed/world';
import { buildCatalogue } from './catalogue';
import type { EpisodeRecord, MediaRecord, MovieRecord, SeasonRecord, ShowRecord } from './catalogue-types';

export type IdType = 'trakt' | 'imdb' | 'tmdb' | 'tvdb';

/** Loose view of an `ids` object from a request: Trakt accepts any one of the ids it knows for the type. */
type Ids = Record<string, unknown>;

/** The catalogue with the indexes the sync and search endpoints need. Read-only after construction. */
export class Catalogue {
  readonly movies: MovieRecord[];
  readonly shows: ShowRecord[];
  private readonly movieByTitleKey = new Map<string, MovieRecord>();
  private readonly showByKey = new Map<string, ShowRecord>();
  /** type → id kind → id value (lower case) → records; nested maps keep a 10k seed's ~400k ids cheap. */
  private readonly byId = new Map<string, Map<string, Map<string, MediaRecord[]>>>();

  constructor(world: SeedWorld) {
    const built = buildCatalogue(world);
    this.movies = built.movies;
    this.shows = built.shows;
    for (const movie of this.movies) {
      this.movieByTitleKey.set(movie.key, movie);
      this.index(movie, { trakt: movie.ids.trakt, slug: movie.ids.slug, imdb: movie.ids.imdb, tmdb: movie.ids.tmdb });
    }
    for (const show of this.shows) {
      this.showByKey.set(show.key, show);
      this.index(show, { trakt: show.ids.trakt, slug: show.ids.slug, tvdb: show.ids.tvdb, imdb: show.ids.imdb, tmdb: show.ids.tmdb });
      for (const season of show.seasons) {
        this.index(season, { trakt: season.ids.trakt, tvdb: season.ids.tvdb, tmdb: season.ids.tmdb });
        for (const episode of season.episodes) this.index(episode, { trakt: episode.ids.trakt, tvdb: episode.ids.tvdb, imdb: episode.ids.imdb, tmdb: episode.ids.tmdb });
      }
    }
  }

  private index(record: MediaRecord, ids: Record<string, string | number | null>): void {
    let kinds = this.byId.get(record.type);
    if (!kinds) this.byId.set(record.type, (kinds = new Map()));
    for (const kind in ids) {
      const value = ids[kind];
      if (value === null || value === undefined) continue;
      let values = kinds.get(kind);
      if (!values) kinds.set(kind, (values = new Map()));
      const key = typeof value === 'number' ? String(value) : value.toLowerCase();
      const list = values.get(key);
      if (list) list.push(record);
      else values.set(key, [record]);
    }
  }

  private records(type: string, kind: string, value: string | number): MediaRecord[] {
    return this.byId.get(type)?.get(kind)?.get(String(value).toLowerCase()) ?? [];
  }

  private find<T extends MediaRecord>(type: T['type'], kinds: readonly string[], ids: Ids): T | undefined {
    // Trakt tries the ids it knows in a fixed order and uses the first that matches.
    for (const kind of kinds) {
      const value = ids[kind];
      if (typeof value !== 'string' && typeof value !== 'number') continue;
      const hit = this.records(type, kind, value)[0];
      if (hit) return hit as T;
    }
    return undefined;
  }

  movieByKey(key: string): MovieRecord | undefined {
    return this.movieByTitleKey.get(key);
  }

  showBySeedKey(key: string): ShowRecord | undefined {
    return this.showByKey.get(key);
  }

  findMovie(item: { ids?: Ids; title?: unknown; year?: unknown }): MovieRecord | undefined {
    if (item.ids) return this.find<MovieRecord>('movie', ['trakt', 'slug', 'imdb', 'tmdb'], item.ids);
    return this.movies.find((movie) => sameTitle(movie.title, item.title) && movie.year === item.year);
  }

  findShow(item: { ids?: Ids; title?: unknown; year?: unknown }): ShowRecord | undefined {
    if (item.ids) return this.find<ShowRecord>('show', ['trakt', 'slug', 'tvdb', 'imdb', 'tmdb'], item.ids);
    return this.shows.find((show) => sameTitle(show.title, item.title) && show.year === item.year);
  }

  findSeason(ids: Ids): SeasonRecord | undefined {
    return this.find<SeasonRecord>('season', ['trakt', 'tvdb', 'tmdb'], ids);
  }

  /** The spec lists only trakt and tvdb for episodes; the real API also takes imdb and tmdb (contract test names it). */
  findEpisode(ids: Ids): EpisodeRecord | undefined {
    return this.find<EpisodeRecord>('episode', ['trakt', 'tvdb', 'imdb', 'tmdb'], ids);
  }

  season(show: ShowRecord, number: number): SeasonRecord | undefined {
    return show.seasons.find((season) => season.number === number);
  }

  episode(show: ShowRecord, seasonNumber: number, number: number): EpisodeRecord | undefined {
    return this.season(show, seasonNumber)?.episodes.find((episode) => episode.number === number);
  }

  /** GET /search/{id_type}/{id}: every record of the allowed types carrying that external id. */
  lookup(idType: IdType, id: string, types: ReadonlyArray<MediaRecord['type']>): MediaRecord[] {
    const kinds = idType === 'trakt' ? ['trakt'] : [idType];
    return types.flatMap((type) => kinds.flatMap((kind) => this.records(type, kind, id)));
  }
}

function sameTitle(a: string, b: unknown): boolean {
  return typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
}
